import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived on the wire. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What the server answers. `hold` never answers until the server is released or closed. */
export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: Uint8Array | string; headers?: Record<string, string> }
  | { kind: 'hold' }
  | { kind: 'stall'; status: number; head: Uint8Array | string; headers?: Record<string, string> };

/** A success envelope around `result`, in whatever key case `result` is already written in. */
export function envelope(result: unknown, message = 'Actors retrieved successfully.'): Reply {
  return { kind: 'json', status: 200, body: { result, status: 'success', message, version: '1.9.0' } };
}

/** The service's error envelope. */
export function errorEnvelope(status: number, message: string): Reply {
  return { kind: 'json', status, body: { result: null, status: 'error', message, version: '1.9.0' } };
}

export function raw(body: Uint8Array | string, headers: Record<string, string> = {}, status = 200): Reply {
  return { kind: 'raw', status, body, headers };
}

export const hold = (): Reply => ({ kind: 'hold' });

/** Sends the status, headers and the first bytes of a body, then holds the rest back. */
export function stall(head: Uint8Array | string, headers: Record<string, string> = {}, status = 200): Reply {
  return { kind: 'stall', status, head, headers };
}

/** A real HTTP server on 127.0.0.1 that records requests and answers scripted replies, in order. */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Reply[] = [];
  private readonly held = new Set<ServerResponse>();
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      this.requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      this.answer(
        res,
        this.queue.shift() ?? errorEnvelope(500, 'fake server: no reply scripted for this request'),
      );
      for (const w of this.waiters.filter((w) => this.requests.length >= w.count)) w.resolve();
    });
  });

  static async start(): Promise<FakeServer> {
    const fake = new FakeServer();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Scripts the next replies, answered in order. */
  reply(...replies: Reply[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** The only request received; fails when there were none or several. */
  get last(): RecordedRequest {
    if (this.requests.length !== 1) throw new Error(`expected one request, got ${this.requests.length}`);
    return this.requests[0] as RecordedRequest;
  }

  /** Resolves once `count` requests have arrived (and been answered or held). */
  received(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  get heldCount(): number {
    return this.held.size;
  }

  /** Ends every held request with a 503, so no socket outlives the test. */
  release(): void {
    for (const res of this.held) (res.headersSent ? res : res.writeHead(503)).end();
    this.held.clear();
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private answer(res: ServerResponse, reply: Reply): void {
    if (reply.kind === 'hold') {
      this.held.add(res);
      return;
    }
    if (reply.kind === 'stall') {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.write(reply.head);
      this.held.add(res);
      return;
    }
    if (reply.kind === 'json') {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/octet-stream', ...reply.headers });
    res.end(reply.body);
  }
}
