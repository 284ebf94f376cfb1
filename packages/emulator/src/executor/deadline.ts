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
