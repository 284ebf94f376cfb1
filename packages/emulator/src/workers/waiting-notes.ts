import type { Store } from '../store/store.js';

const PREFIX = 'waiting to run: ';

/** The statusMessage of an execution that waits because the engine is down: the reason, and how to fix it. */
export function waitingNote(reason: string): string {
  return `${PREFIX}${reason}`;
}

function mayNote(statusMessage: string): boolean {
  return statusMessage === '' || statusMessage.startsWith(PREFIX);
}

/**
 * Writes why they wait on SUBMITTED executions (all of them, or the ones named), so that every message sent while the
 * engine is down says so, not only the one a worker tried. Other statusMessages are left alone.
 */
export function noteWaiting(store: Store, reason: string, executionIds?: readonly string[]): void {
  if (!store.isOpen) return;
  const note = waitingNote(reason);
  store.transaction(() => {
    const executions = executionIds
      ? executionIds.map((id) => store.executions.get(id)).filter((e) => e !== null)
      : store.executions.withStatus('SUBMITTED');
    for (const e of executions) {
      if (e.status === 'SUBMITTED' && mayNote(e.statusMessage) && e.statusMessage !== note) {
        store.executions.update(e.id, { statusMessage: note });
      }
    }
  });
}

/** The engine answers again: waiting executions no longer carry a reason that has gone. */
export function clearWaitingNotes(store: Store): void {
  if (!store.isOpen) return;
  store.transaction(() => {
    for (const e of store.executions.withStatus('SUBMITTED')) {
      if (e.statusMessage.startsWith(PREFIX)) store.executions.update(e.id, { statusMessage: '' });
    }
  });
}
