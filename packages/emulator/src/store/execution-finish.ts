import type { ExecutionOutcome } from '../executor/executor.js';

/** How an execution ended, as the store records it. */
export interface ExecutionFinish {
  status: 'COMPLETE' | 'ERROR';
  statusMessage: string;
  exitCode: number | null;
  finalState: Record<string, unknown> | null;
  startTime: string | null;
  finishTime: string;
  /** Milliseconds. */
  runtime: number;
  /** User jiffies. */
  cpu: number;
  /** 512-byte sectors. */
  io: number;
}

/** Maps an executor's outcome to the record: a platform error is ERROR; any exit (non-zero included) is COMPLETE. */
export function finishFromOutcome(outcome: ExecutionOutcome): ExecutionFinish {
  const stopped =
    outcome.stoppedBy === 'force-quit'
      ? 'stopped by force-quit'
      : outcome.stoppedBy === 'timeout'
        ? 'stopped: it ran past the maximum run time'
        : '';
  return {
    status: outcome.platformError ? 'ERROR' : 'COMPLETE',
    statusMessage: outcome.platformError ?? (stopped || outcome.stopNote || ''),
    exitCode: outcome.exitCode,
    finalState: outcome.finalState,
    startTime: outcome.startTime ? outcome.startTime.toISOString() : null,
    finishTime: outcome.finishTime.toISOString(),
    runtime: Math.round(outcome.runtimeMs),
    cpu: Math.round(outcome.cpuJiffies),
    io: Math.round(outcome.ioSectors),
  };
}
