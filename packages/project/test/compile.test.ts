import { mkdtemp, rm, writeFile, mkdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorCompiler } from '../src/compile.js';
import { parseTscOutput } from '../src/typecheck.js';

describe('the actor compiler', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actorkit-compile-'));
    await mkdir(join(dir, 'src'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('bundles the entry, stages the native socket package, and reports syntax errors with file and line', async () => {
    await writeFile(join(dir, 'src/actor.ts'), "const greeting: string = 'hi';\nconsole.log(greeting);\n");
    await using compiler = new ActorCompiler({ dir, entry: 'src/actor.ts', outDir: join(dir, 'dist') });
    const first = await compiler.compile();
    expect(first.ok).toBe(true);
    expect(await readFile(first.outFile, 'utf8')).toContain('"hi"');
    expect((await stat(join(dir, 'dist/node_modules/node-unix-socket/package.json'))).isFile()).toBe(true);

    await writeFile(join(dir, 'src/actor.ts'), "const greeting: string = 'hi';\nconsole.log(greeting;\n");
    const broken = await compiler.compile();
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics[0]).toMatchObject({ file: 'src/actor.ts', line: 2 });

    await writeFile(join(dir, 'src/actor.ts'), "console.log('fixed');\n");
    const fixed = await compiler.compile();
    expect(fixed.ok).toBe(true);
    expect(await readFile(fixed.outFile, 'utf8')).toContain('fixed');
  });

  it('parses tsc diagnostics into file, line and column', () => {
    const out = "src/actor.ts(3,7): error TS2322: Type 'number' is not assignable to type 'string'.\n";
    expect(parseTscOutput(dir, out)).toEqual([
      {
        file: 'src/actor.ts',
        line: 3,
        column: 7,
        message: "TS2322: Type 'number' is not assignable to type 'string'.",
      },
    ]);
  });
});
