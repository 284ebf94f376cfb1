/**
 * A thin HTTP client for measuring: plain fetch and JSON, no schema parsing, so the client's own cost stays out of
 * the figures. (`ActorsClient` is what users call; the benchmarks time the server.)
 */

export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
}

export interface ExecutionView {
  id: string;
  status: string;
  exitCode: number | null;
  statusMessage?: string;
  messageReceivedTime: string;
  startTime: string | null;
  finishTime: string | null;
  runtime: number;
  finalState?: Record<string, unknown> | null;
}

export const FINAL = new Set(['COMPLETE', 'ERROR']);

export class RawApi {
  constructor(
    readonly url: string,
    readonly token: string,
    readonly base = '/actors/v2',
  ) {}

  async call<T>(method: string, path: string, body?: unknown, query = ''): Promise<T> {
    const res = await fetch(`${this.url}${this.base}${path}${query}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new ApiCallError(`${method} ${path}${query}: ${res.status} ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { result: T }).result;
  }

  addActor(body: Record<string, unknown>): Promise<{ id: string; status: string }> {
    return this.call('POST', '', body);
  }

  actor(id: string): Promise<{ id: string; status: string; statusMessage: string }> {
    return this.call('GET', `/${id}`);
  }

  async send(actorId: string, message: string, env: Record<string, string> = {}): Promise<string> {
    const query = Object.keys(env).length ? `?${new URLSearchParams(env).toString()}` : '';
    const r = await this.call<{ executionId: string }>('POST', `/${actorId}/messages`, { message }, query);
    return r.executionId;
  }

  execution(actorId: string, executionId: string): Promise<ExecutionView> {
    return this.call('GET', `/${actorId}/executions/${executionId}`);
  }

  async logs(actorId: string, executionId: string): Promise<string> {
    return (await this.call<{ logs: string }>('GET', `/${actorId}/executions/${executionId}/logs`)).logs;
  }

  summary(actorId: string): Promise<{ executions: { id: string; status: string }[] }> {
    return this.call('GET', `/${actorId}/executions`, undefined, '?limit=100000');
  }

  /**
   * Follows the execution until it is COMPLETE or ERROR with blocking reads (If-None-Match with the last ETag,
   * `Prefer: wait=20`): the emulator answers as soon as it changes, and nothing is asked in between. A server
   * that does not hold reads is polled every `pollMs`.
   */
  async waitFinal(
    actorId: string,
    executionId: string,
    pollMs: number,
    timeoutMs = 120_000,
  ): Promise<ExecutionView> {
    const deadline = Date.now() + timeoutMs;
    const url = `${this.url}${this.base}/${actorId}/executions/${executionId}`;
    let etag: string | null = null;
    let last: ExecutionView | null = null;
    for (;;) {
      const res = await fetch(url, {
        headers: {
          authorization: `Bearer ${this.token}`,
          prefer: 'wait=20',
          ...(etag ? { 'if-none-match': etag } : {}),
        },
      });
      const text = await res.text();
      if (res.status !== 304 && !res.ok)
        throw new ApiCallError(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
      etag = res.headers.get('etag');
      if (res.status !== 304) last = (JSON.parse(text) as { result: ExecutionView }).result;
      if (last && FINAL.has(last.status)) return last;
      if (Date.now() > deadline)
        throw new ApiCallError(`execution ${executionId} not final after ${timeoutMs} ms (${last?.status})`);
      if (!res.headers.get('preference-applied') || !etag) await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Polls the actor until it is READY (fails on ERROR). */
  async waitReady(actorId: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const a = await this.actor(actorId);
      if (a.status === 'READY') return;
      if (a.status === 'ERROR') throw new ApiCallError(`actor ${actorId} is ERROR: ${a.statusMessage}`);
      if (Date.now() > deadline) throw new ApiCallError(`actor ${actorId} not READY after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Polls the executions summary until every one of `ids` is final; answers when that was seen. */
  async waitAllFinal(
    actorId: string,
    ids: readonly string[],
    pollMs: number,
    timeoutMs: number,
  ): Promise<number> {
    const wanted = new Set(ids);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { executions } = await this.summary(actorId);
      const done = executions.filter((e) => wanted.has(e.id) && FINAL.has(e.status)).length;
      if (done === wanted.size) return performance.now();
      if (Date.now() > deadline)
        throw new ApiCallError(`${done} of ${wanted.size} executions final after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
