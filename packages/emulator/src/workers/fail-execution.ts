import createDebug from 'debug';
import { isoNow } from '../domain/clock.js';
import type { PoolContext } from './pool-context.js';

const debug = createDebug('actorkit:workers');

/** Ends an execution the emulator itself could not carry through, saying why, so it never hangs as RUNNING. */
export function failExecution(ctx: PoolContext, executionId: string, error: unknown): void {
  debug('execution %s failed inside the emulator: %O', executionId, error);
  if (!ctx.store.isOpen) return; // shutting down: recovery at the next start finishes it
  const reason = error instanceof Error ? error.message : String(error);
  const execution = ctx.store.finish(executionId, {
    status: 'ERROR',
    statusMessage: `the emulator could not run this execution: ${reason}`,
    exitCode: null,
    finalState: null,
    startTime: null,
    finishTime: isoNow(ctx.store.clock),
    runtime: 0,
    cpu: 0,
    io: 0,
  });
  if (execution) ctx.finished.emit('finished', execution);
}
