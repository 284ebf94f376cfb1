import { once } from 'node:events';
import type { SynchronousAnswer } from '../seams/worker-pool.js';
import type { ExecutionRecord } from '../store/records.js';
import type { PoolContext } from './pool-context.js';

const FINAL = new Set(['COMPLETE', 'ERROR']);

/** Waits for an execution to end. Rejects with the signal's reason when the caller gives up. */
export async function waitForEnd(
  ctx: PoolContext,
  executionId: string,
  signal: AbortSignal,
): Promise<ExecutionRecord> {
  for (;;) {
    const current = ctx.store.executions.get(executionId);
    if (!current) throw new Error(`execution ${executionId} no longer exists`);
    if (FINAL.has(current.status)) return current;
    const [ended] = (await once(ctx.finished, 'finished', { signal })) as [ExecutionRecord];
    if (ended.id === executionId) return ended;
  }
}

/** A synchronous message's answer: the execution's first result, or its logs when it sent none. */
export async function synchronousAnswer(
  ctx: PoolContext,
  execution: ExecutionRecord,
  signal: AbortSignal,
): Promise<SynchronousAnswer> {
  await waitForEnd(ctx, execution.id, signal);
  const result = ctx.store.results.pop(execution.id);
  if (result) return { body: new Uint8Array(result), contentType: 'application/octet-stream' };
  return {
    body: new Uint8Array(Buffer.from(ctx.store.logs.get(execution.id), 'utf8')),
    contentType: 'text/plain; charset=utf-8',
  };
}
