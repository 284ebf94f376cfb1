import { join } from 'node:path';
import { ActorCompiler, BUNDLE_ENTRY, writeBundleEntry } from '@actorkit/project';
import type { DevStep, RoundState, StepVerdict } from './step.js';

export interface CompileStepOptions {
  /** The actor folder. */
  dir: string;
  /** Write a source map beside the bundle (for a debugger); off by default, as it slows each rebuild. */
  sourceMap?: boolean;
}

/**
 * Compiles a TypeScript actor into dist/actor.mjs with an incremental esbuild context kept across rounds; with the
 * process executor, also says what to run. A compile error ends the round with the diagnostics by file and line.
 */
export class CompileStep implements DevStep {
  readonly name = 'compile';
  readonly compiler: ActorCompiler;

  constructor(options: CompileStepOptions) {
    this.compiler = new ActorCompiler({
      dir: options.dir,
      entry: BUNDLE_ENTRY,
      outDir: join(options.dir, 'dist'),
      sourceMap: options.sourceMap ?? false,
    });
  }

  async run(round: RoundState): Promise<StepVerdict> {
    const { emit } = round;
    await writeBundleEntry(round.project);
    const compiled = await this.compiler.compile();
    emit({
      type: 'compile.finished',
      round: round.round,
      ms: compiled.ms,
      ok: compiled.ok,
      diagnostics: compiled.diagnostics,
    });
    if (!compiled.ok) {
      emit({
        type: 'error',
        round: round.round,
        kind: 'user',
        message: 'the actor does not compile',
        diagnostics: compiled.diagnostics,
      });
      return 'stop';
    }
    if (round.executor === 'process') {
      round.environment.ACTORKIT_PROCESS_COMMAND = JSON.stringify([process.execPath, this.compiler.outFile]);
      round.environment.ACTORKIT_PROCESS_CWD = round.project.dir;
    }
    return 'continue';
  }

  async dispose(): Promise<void> {
    await this.compiler[Symbol.asyncDispose]();
  }
}
