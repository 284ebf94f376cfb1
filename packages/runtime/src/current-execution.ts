import { AsyncLocalStorage } from 'node:async_hooks';
import { Execution } from './execution.js';
import { processPlatform } from './process-platform.js';

const storage = new AsyncLocalStorage<Execution>();
let processExecution: Execution | undefined;

/**
 * The execution the calling code belongs to: the one `defineActor` (or `@actorkit/testing`) is running, found
 * through AsyncLocalStorage so concurrent runs in one process never see each other; outside any run, this
 * process's own execution (process.env, the FIFO, the results socket).
 */
export function currentExecution(): Execution {
  const current = storage.getStore();
  if (current) return current;
  processExecution ??= new Execution(processPlatform());
  return processExecution;
}

/** Runs `fn` with `execution` as the current one, for it and everything it awaits. */
export function runWithExecution<T>(execution: Execution, fn: () => T): T {
  return storage.run(execution, fn);
}
