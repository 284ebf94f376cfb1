import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pingEngine } from '@actorkit/docker';
import { DevProcess } from './dev-events.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const engine = await pingEngine();
const skip = !engine.ok && process.env.CI !== 'true';

/**
 * The dev loop end to end, through the real bin, on a copy of examples/hello inside the workspace (so its imports
 * resolve) but under the ignored .actorkit folder (so no tool mistakes it for a project).
 */
describe.skipIf(skip)('actorkit dev --json on a copy of an example', () => {
  const copy = join(ROOT, '.actorkit', 'e2e', `hello-${process.pid}`);
  const actorFile = join(copy, 'src', 'actor.ts');

  beforeAll(async () => {
    if (!engine.ok) throw new Error(`the dev loop test needs a Docker engine: ${engine.message}`);
    await mkdir(join(copy, 'src'), { recursive: true });
    await cp(join(ROOT, 'examples/hello/src/actor.ts'), actorFile);
    await cp(join(ROOT, 'examples/hello/fixtures'), join(copy, 'fixtures'), { recursive: true });
    const config = JSON.parse(await readFile(join(ROOT, 'examples/hello/actor.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(
      join(copy, 'actor.json'),
      JSON.stringify({ ...config, name: 'hello-e2e', fixtures: ['fixtures/ada.txt'] }),
    );
  });
  afterAll(async () => rm(copy, { recursive: true, force: true }));

  it('runs, picks up edits without a rebuild, reports a syntax error by file and line, recovers, and rebuilds on a Dockerfile change', async () => {
    await using dev = new DevProcess([copy, '--port', '0', '--in-memory', '--no-typecheck'], ROOT);
    const logsOf = (round: number) =>
      dev
        .inRound(round, 'execution.log')
        .map((e) => String(e.text))
        .join('');

    await dev.next((e) => e.type === 'watching', 'the watcher to start');
    const first = await dev.roundFinished(1);
    expect(first.ok).toBe(true);
    expect(dev.inRound(1, 'build.finished')[0]).toMatchObject({ ok: true });
    expect(logsOf(1)).toContain('Hello, Ada!');
    expect(dev.inRound(1, 'execution.completed')[0]).toMatchObject({ status: 'COMPLETE', exitCode: 0 });

    const source = await readFile(actorFile, 'utf8');
    await writeFile(actorFile, source.replace('`${env.GREETING', '`Edited: ${env.GREETING'));
    const second = await dev.roundFinished(2);
    expect(second.ok).toBe(true);
    expect(logsOf(2)).toContain('Edited: Hello, Ada!');
    expect(dev.inRound(2, 'build.skipped')).toHaveLength(1);
    expect(dev.inRound(2, 'build.started')).toHaveLength(0);

    await writeFile(actorFile, source.replace('const name = message.trim()', 'const name = message.trim(('));
    const third = await dev.roundFinished(3);
    expect(third.ok).toBe(false);
    const compile = dev.inRound(3, 'compile.finished')[0] as unknown as {
      ok: boolean;
      diagnostics: { file: string; line: number }[];
    };
    expect(compile.ok).toBe(false);
    const line = source.split('\n').findIndex((l) => l.includes('const name = message.trim()')) + 1;
    expect(compile.diagnostics[0]).toMatchObject({ file: 'src/actor.ts' });
    expect(compile.diagnostics[0]!.line).toBeGreaterThanOrEqual(line);
    expect(dev.inRound(3, 'execution.started')).toHaveLength(0);

    await writeFile(actorFile, source);
    const fourth = await dev.roundFinished(4);
    expect(fourth.ok).toBe(true);
    expect(logsOf(4)).toContain('Hello, Ada!');

    const dockerfile = (label: string) =>
      `FROM actorkit/node:20\nLABEL org.actorkit.e2e="${label}"\nWORKDIR /app\nCOPY dist/ /app/dist/\nCMD ["node", "/app/dist/actor.mjs"]\n`;
    await writeFile(join(copy, 'Dockerfile'), dockerfile('one'));
    const fifth = await dev.roundFinished(5);
    expect(fifth.ok).toBe(true);
    expect(dev.inRound(5, 'build.finished')[0]).toMatchObject({ ok: true });
    await writeFile(join(copy, 'Dockerfile'), dockerfile('two'));
    const sixth = await dev.roundFinished(6);
    expect(sixth.ok).toBe(true);
    expect(dev.inRound(6, 'build.started')).toHaveLength(1);
    expect(dev.inRound(6, 'actor.updated')).toHaveLength(1);
    expect(logsOf(6)).toContain('Hello, Ada!');
  }, 180_000);
});
