import createDebug from 'debug';
import type { ExecutionHooks } from './executor.js';

const debug = createDebug('actorkit:executor');

/** The hooks, made safe to call from timers and stream handlers: a hook that throws is logged, never fatal. */
export function guardHooks(hooks: ExecutionHooks, executionId: string): Required<ExecutionHooks> {
  const guard =
    <A extends unknown[]>(name: string, fn: ((...args: A) => void) | undefined) =>
    (...args: A): void => {
      try {
        fn?.(...args);
      } catch (error) {
        debug('the %s hook of %s threw: %O', name, executionId, error);
      }
    };
  return {
    onStarted: guard('onStarted', hooks.onStarted?.bind(hooks)),
    onLog: guard('onLog', hooks.onLog.bind(hooks)),
    onResult: guard('onResult', hooks.onResult.bind(hooks)),
  };
}

/** The line written to an execution's log when a result larger than one datagram may hold was dropped. */
export function oversizeNotice(bytes: number, maxBytes: number): Uint8Array {
  return Buffer.from(
    `[actorkit] a result of ${bytes} bytes was dropped: one result is one datagram of at most ${maxBytes} bytes\n`,
  );
}
