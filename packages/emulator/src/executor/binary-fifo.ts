import { close, constants, open, writeSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { promisify } from 'node:util';
import createDebug from 'debug';
import { LibcError, makeFifo, setPipeSize } from './libc.js';

const debug = createDebug('actorkit:executor:fifo');
const openFd = promisify(open);
const closeFd = promisify(close);

/** The FIFO could not be made or filled: what happened, and how to fix it. */
export class BinaryFifoError extends Error {
  override readonly name = 'BinaryFifoError';
}

async function pipeMaxSize(): Promise<number> {
  try {
    return Number.parseInt(await readFile('/proc/sys/fs/pipe-max-size', 'utf8'), 10) || 1_048_576;
  } catch (error) {
    debug('pipe-max-size unreadable, assuming 1 MiB: %O', error);
    return 1_048_576;
  }
}

/**
 * The binary message of one execution, in a named pipe. Made with mkfifo(3) through libc (Node cannot make one), opened
 * read-write and non-blocking (so opening never waits for a reader), its buffer grown to hold the whole message (up
 * to /proc/sys/fs/pipe-max-size, 1 MiB by default), and filled before the process starts; what does not fit is
 * written as the reader drains. The descriptor stays open until `close`, so a reader sees "empty", never EOF.
 */
export class BinaryFifo {
  private constructor(
    readonly path: string,
    private readonly fd: number,
    /** Bytes in the pipe before the process starts. */
    readonly inPipe: number,
    /** The whole message's size. */
    readonly size: number,
    private readonly rest: Socket | null,
  ) {}

  static async create(path: string, bytes: Uint8Array): Promise<BinaryFifo> {
    try {
      makeFifo(path, 0o644);
    } catch (cause) {
      throw new BinaryFifoError(
        `could not make the binary message's pipe at ${path}: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    const fd = await openFd(path, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      if (bytes.length > 65_536) setPipeSize(fd, Math.min(bytes.length, await pipeMaxSize()));
    } catch (error) {
      if (!(error instanceof LibcError)) throw error;
      debug(
        'could not grow the pipe for %d bytes, the rest follows as it drains: %s',
        bytes.length,
        error.message,
      );
    }
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
          await closeFd(fd);
          throw new BinaryFifoError(`writing the binary message to ${path} failed`, { cause: error });
        }
        break;
      }
    }
    let rest: Socket | null = null;
    if (offset < bytes.length) {
      rest = new Socket({ fd, readable: false, writable: true });
      rest.on('error', (error) => debug('writing the rest of the binary message to %s: %O', path, error));
      rest.write(bytes.subarray(offset));
    }
    debug('fifo %s: %d of %d bytes in the pipe before start', path, offset, bytes.length);
    return new BinaryFifo(path, fd, offset, bytes.length, rest);
  }

  /** Closes the descriptor (dropping what was not read) and removes the FIFO. */
  async close(): Promise<void> {
    if (this.rest) this.rest.destroy();
    else await closeFd(this.fd);
    await rm(this.path, { force: true });
  }
}
