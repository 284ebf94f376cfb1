import { Agent, request } from 'node:http';
import type { FuzzCase } from './fuzz-cases.js';

export interface FuzzAnswer {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

/** Transport failures (connection refused or reset, time-out): the server did not answer at all. */
export class FuzzTransportError extends Error {
  override readonly name = 'FuzzTransportError';
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** Sends one case as is (path bytes untouched, so tricks reach the server) and reads the whole answer. */
export function send(url: URL, c: FuzzCase, timeoutMs = 10_000): Promise<FuzzAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      method: c.method,
      path: c.path,
      headers: { ...c.headers, ...(c.body ? { 'content-length': String(c.body.length) } : {}) },
      agent,
      timeout: timeoutMs,
    });
    req.on('timeout', () => req.destroy(new FuzzTransportError(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) =>
      reject(
        error instanceof FuzzTransportError ? error : new FuzzTransportError(error.message, { cause: error }),
      ),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => reject(new FuzzTransportError(error.message, { cause: error })));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
    });
    req.end(c.body);
  });
}

export function closeFuzzAgent(): void {
  agent.destroy();
}
