import { ResultError } from './errors.js';

type DgramSocketClass = typeof import('node-unix-socket').DgramSocket;
let loaded: Promise<DgramSocketClass> | undefined;

/** node-unix-socket is native: it is loaded on the first result, so actors that send none never need it. */
function dgramSocket(): Promise<DgramSocketClass> {
  loaded ??= import('node-unix-socket').then(
    (mod) =>
      mod.DgramSocket ??
      (mod as unknown as { default: { DgramSocket: DgramSocketClass } }).default.DgramSocket,
    (cause: unknown) => {
      loaded = undefined;
      throw new ResultError(
        `results need the native package node-unix-socket, which could not be loaded (${(cause as Error).message}); ` +
          'install it beside @actorkit/runtime (npm install node-unix-socket) for this platform',
        { cause },
      );
    },
  );
  return loaded;
}

/** Sends `bytes` as one datagram to the Unix datagram socket at `path`. */
export async function sendDatagram(path: string, bytes: Uint8Array): Promise<void> {
  const DgramSocket = await dgramSocket();
  const socket = new DgramSocket();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.sendTo(buffer, 0, buffer.length, path, (error) => (error ? reject(error) : resolve()));
    });
  } catch (cause) {
    const missing = /no such file/i.test((cause as Error).message);
    throw new ResultError(
      missing
        ? `the results socket ${path} does not exist: results can be sent only inside an actors execution`
        : `the results socket ${path} refused the result: ${(cause as Error).message}`,
      { cause },
    );
  } finally {
    socket.close();
  }
}
