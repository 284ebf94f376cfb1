import type { ActorsClient } from './client.js';
import { FINAL_EXECUTION_STATUSES, type Execution, type ExecutionStatus } from './execution.js';

export interface ExecutionUpdatesOptions {
  /** Stop once this time (ms since the epoch) has passed; default never. */
  until?: number;
  /** The pause between reads when the server does not hold them until a change. Default 250 ms. */
  pollMs?: number;
  signal?: AbortSignal;
}

/** Waits `ms`; rejects with the signal's reason when it aborts first. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
    };
    const aborted = () => {
      done();
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/** `ActorsClient.executionUpdates`: the execution as it changes, until a final version or `until`. */
export async function* executionUpdates(
  client: ActorsClient,
  actorId: string,
  executionId: string,
  options: ExecutionUpdatesOptions = {},
): AsyncGenerator<Execution, void, undefined> {
  const until = options.until ?? Infinity;
  const { signal } = options;
  let etag: string | null = null;
  for (;;) {
    const left = until - Date.now();
    const watch = await client.watchExecution(actorId, executionId, {
      etag,
      // Held at most 20 s, and never much past `until`.
      waitSeconds: Math.max(0, Math.min(20, Math.floor(left / 1_000))),
      signal,
    });
    etag = watch.etag;
    if (watch.execution) {
      yield watch.execution;
      if (FINAL_EXECUTION_STATUSES.includes(watch.execution.status as ExecutionStatus)) return;
    }
    if (Date.now() >= until) return;
    signal?.throwIfAborted();
    if (!watch.blocking || etag === null) await pause(options.pollMs ?? 250, signal);
  }
}
