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

  /** Polls the execution every `pollMs` until it is COMPLETE or ERROR. */
  async waitFinal(
    actorId: string,
    executionId: string,
    pollMs: number,
    timeoutMs = 120_000,
  ): Promise<ExecutionView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const e = await this.execution(actorId, executionId);
      if (FINAL.has(e.status)) return e;
      if (Date.now() > deadline)
        throw new ApiCallError(`execution ${executionId} not final after ${timeoutMs} ms (${e.status})`);
      await new Promise((r) => setTimeout(r, pollMs));
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
