import WebSocket from 'ws';

/** A Chrome DevTools Protocol session over a WebSocket: commands by id, events awaited by predicate. */
export class CdpSession implements AsyncDisposable {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  readonly events: { method: string; params: Record<string, unknown> }[] = [];
  private waiters: {
    match: (e: { method: string; params: Record<string, unknown> }) => boolean;
    resolve: (e: { method: string; params: Record<string, unknown> }) => void;
  }[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
      };
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error.message));
        else waiter?.resolve(message.result);
        return;
      }
      const event = { method: message.method ?? '', params: message.params ?? {} };
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => (w.match(event) ? (w.resolve(event), false) : true));
    });
  }

  static async connect(url: string): Promise<CdpSession> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpSession(socket);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The first event from now on that matches, within `ms`. */
  waitFor(
    method: string,
    match: (params: Record<string, unknown>) => boolean = () => true,
    ms = 30_000,
  ): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms`)), ms);
      this.waiters.push({
        match: (e) => e.method === method && match(e.params),
        resolve: (e) => (clearTimeout(timer), resolve(e.params)),
      });
    });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((r) => this.socket.once('close', r));
    this.socket.close();
    await closed;
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

export interface SourceMapV3 {
  sources: string[];
  mappings: string;
}

/**
 * Where a line of an original source (1-based, a `sources` entry ending with `source`) starts in the generated file:
 * the first mapping of that line, as 0-based line and column (what CDP's setBreakpointByUrl takes).
 */
export function generatedPosition(
  map: SourceMapV3,
  source: string,
  line: number,
): { lineNumber: number; columnNumber: number } | null {
  const wanted = map.sources.findIndex((s) => s === source || s.endsWith(`/${source}`));
  if (wanted < 0) return null;
  let sourceIndex = 0;
  let originalLine = 0;
  const lines = map.mappings.split(';');
  for (let generatedLine = 0; generatedLine < lines.length; generatedLine++) {
    let generatedColumn = 0;
    for (const segment of lines[generatedLine]!.split(',')) {
      if (!segment) continue;
      const v = decodeVlq(segment);
      generatedColumn += v[0]!;
      if (v.length < 4) continue;
      sourceIndex += v[1]!;
      originalLine += v[2]!; // v[3], the original column, is not needed to find a line
      if (sourceIndex === wanted && originalLine === line - 1)
        return { lineNumber: generatedLine, columnNumber: generatedColumn };
    }
  }
  return null;
}
