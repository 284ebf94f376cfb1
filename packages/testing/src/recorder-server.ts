import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageRecorder } from './message-recorder.js';

export interface RecorderServer extends AsyncDisposable {
  url: string;
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Serves a recorder to test files in other workers (threads or forks), on 127.0.0.1, behind the emulator's token:
 * `GET /cursor` -> `{ cursor }`; `GET /messages?after=N&actor=ID...` -> `{ messages }` with base64 bodies.
 */
export async function serveRecorder(recorder: MessageRecorder, token: string): Promise<RecorderServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.authorization !== `Bearer ${token}`) return answer(res, 401, { error: 'bad token' });
    const url = new URL(req.url ?? '/', 'http://recorder');
    if (url.pathname === '/cursor') return answer(res, 200, { cursor: recorder.cursor });
    if (url.pathname === '/messages') {
      const after = Number(url.searchParams.get('after') ?? '0');
      const messages = recorder.since(after, new Set(url.searchParams.getAll('actor'))).map((m) => ({
        ...m,
        body: Buffer.from(m.body).toString('base64'),
      }));
      return answer(res, 200, { messages });
    }
    return answer(res, 404, { error: `no route ${url.pathname}` });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return { url: `http://127.0.0.1:${port}`, close, [Symbol.asyncDispose]: close };
}
