import { TypeChecker } from '@actorkit/project';
import type { DevStep, RoundState, StepVerdict } from './step.js';

/**
 * Type-checks a TypeScript actor with its own tsconfig.json (tsc --noEmit), last in the round so the checker never
 * competes with an execution for the CPU. A newer save kills the check in flight. Type errors make the round not
 * ok, but its executions have run.
 */
export class TypecheckStep implements DevStep {
  readonly name = 'typecheck';
  private readonly checker: TypeChecker;

  constructor(dir: string) {
    this.checker = new TypeChecker(dir);
  }

  async run(round: RoundState): Promise<StepVerdict> {
    const { signal, emit } = round;
    if (!(await this.checker.available())) return 'continue';
    const onAbort = () => this.checker.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    const t = performance.now();
    let diagnostics;
    try {
      diagnostics = await this.checker.check();
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    signal.throwIfAborted();
    if (diagnostics === null) return 'continue';
    emit({
      type: 'typecheck.finished',
      round: round.round,
      ms: Math.round(performance.now() - t),
      diagnostics,
    });
    if (diagnostics.length) {
      emit({
        type: 'error',
        round: round.round,
        kind: 'user',
        message: `${diagnostics.length} type error(s)`,
        diagnostics,
      });
      round.problems += diagnostics.length;
    }
    return 'continue';
  }

  async dispose(): Promise<void> {
    this.checker.cancel();
  }
}
