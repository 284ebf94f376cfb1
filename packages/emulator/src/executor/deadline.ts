/** An operation that did not finish in time: which one, and how long it was given. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly operation: string,
    readonly ms: number,
  ) {
    super(`${operation} did not finish within ${ms} ms`);
  }
}

/** Settles like `promise`, or rejects with a DeadlineError after `ms`; the timer never keeps the process alive. */
export function withDeadline<T>(promise: Promise<T>, ms: number, operation: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(operation, ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Node fires a timer of more than 2^31-1 ms at once; longer limits are clamped to it (24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `fn` after `ms`; a limit that is not a positive finite number means none, and no timer. */
export function limitTimer(ms: number, fn: () => void): NodeJS.Timeout | undefined {
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  return setTimeout(fn, Math.min(ms, MAX_TIMER_MS));
}
