import createDebug from 'debug';

const debug = createDebug('actorkit:emulator:pool');

/**
 * Tells the worker pool about a change that is already committed. A pool failure must not undo or fail the
 * request: it is logged, and the pool records what went wrong on the actor or worker.
 */
export async function notifyPool(what: string, call: () => Promise<void> | void): Promise<void> {
  try {
    await call();
  } catch (cause) {
    debug('the worker pool failed on %s: %O', what, cause);
  }
}
