import createDebug from 'debug';
import { isoNow } from '../domain/clock.js';
import type { PoolContext } from './pool-context.js';

const debug = createDebug('actorkit:workers');

export const INTERRUPTED_MESSAGE =
  'the emulator stopped while this execution was running, and its container was removed. It is not re-run ' +
  '(it may already have had effects); send the message again to run it again';

export interface RecoveryReport {
  /** Executions that were RUNNING when the emulator died, now ERROR. */
  interrupted: string[];
  /** Messages a dead worker had claimed but not started, back in their queues. */
  released: number;
  /** Containers or processes a previous run left behind, removed. */
  leftovers: number;
}

/**
 * Makes a restarted emulator honest about what the previous run left: executions that were running end as ERROR
 * with a message (never silently re-run: they may have had effects), claimed but unstarted messages go back to
 * their queues in order, stale worker records go, leftover containers are removed.
 */
export async function recover(ctx: PoolContext): Promise<RecoveryReport> {
  const { store } = ctx;
  let leftovers = 0;
  if ((await ctx.executor.health()).ok) leftovers = await ctx.executor.removeLeftovers();
  const interrupted = store.transaction(() => {
    const ids: string[] = [];
    // RUNNING, or claimed with a start time (its container was being started): either may have run.
    const started = store.messages
      .claimedExecutionIds()
      .map((id) => store.executions.get(id))
      .filter(
        (e): e is NonNullable<typeof e> => e !== null && e.status === 'SUBMITTED' && e.startTime !== null,
      );
    for (const execution of [...store.executionsLeftRunning(), ...started]) {
      // The service's execution display has no status message: the reason goes to the execution's log too, where
      // `logs` and the dashboard show it.
      store.appendLog(execution.id, `\n[actorkit] ${INTERRUPTED_MESSAGE}\n`);
      store.finish(execution.id, {
        status: 'ERROR',
        statusMessage: INTERRUPTED_MESSAGE,
        exitCode: null,
        finalState: null,
        startTime: execution.startTime,
        finishTime: isoNow(store.clock),
        runtime: execution.startTime ? Date.now() - Date.parse(execution.startTime) : 0,
        cpu: 0,
        io: 0,
      });
      ids.push(execution.id);
    }
    return ids;
  });
  const released = store.transaction(() => {
    const n = ctx.mailbox.releaseClaims();
    for (const actor of store.actors.all()) {
      for (const worker of store.workers.listForActor(actor.id)) store.workers.delete(actor.id, worker.id);
    }
    return n;
  });
  debug(
    'recovery: %d interrupted, %d released, %d leftovers removed',
    interrupted.length,
    released,
    leftovers,
  );
  return { interrupted, released, leftovers };
}
