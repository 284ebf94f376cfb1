import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { access } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import type { Diagnostic } from './diagnostic.js';

const require = createRequire(import.meta.url);

/** `src/actor.ts(12,5): error TS2322: Type 'string' is not assignable ...` */
const TSC_LINE = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/;

export function parseTscOutput(dir: string, output: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of output.split('\n')) {
    const m = TSC_LINE.exec(line.trim());
    if (!m) {
      const last = diagnostics.at(-1);
      if (last && line.startsWith('  ')) last.message += `\n${line.trim()}`;
      continue;
    }
    const file = m[1]!;
    diagnostics.push({
      file: isAbsolute(file) ? relative(dir, file) : file,
      line: Number(m[2]),
      column: Number(m[3]),
      message: m[4]!,
    });
  }
  return diagnostics;
}

/**
 * Type-checks the actor with its own tsconfig.json, beside the build so it never delays an execution. A newer
 * save cancels the check in flight.
 */
export class TypeChecker {
  private child: ChildProcess | undefined;

  constructor(private readonly dir: string) {}

  async available(): Promise<boolean> {
    return access(join(this.dir, 'tsconfig.json')).then(
      () => true,
      () => false,
    );
  }

  cancel(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  /** Resolves with the diagnostics, or null when cancelled. */
  check(): Promise<Diagnostic[] | null> {
    this.cancel();
    const tsc = require.resolve('typescript/bin/tsc');
    const child = spawn(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'], {
      cwd: this.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    return new Promise((resolve) => {
      child.on('close', (_code, signal) => {
        if (this.child === child) this.child = undefined;
        resolve(signal ? null : parseTscOutput(this.dir, output));
      });
    });
  }
}
