import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorProjectError, loadActorProject } from '../src/actor-config.js';
import { loadFixtures } from '../src/fixtures.js';

describe('actor projects', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actorkit-project-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('reads actor.json with defaults and infers fixture kinds', async () => {
    await mkdir(join(dir, 'fixtures'));
    await writeFile(join(dir, 'fixtures/a.json'), '{"add": 2}');
    await writeFile(join(dir, 'fixtures/b.txt'), 'hello\n');
    await writeFile(join(dir, 'fixtures/c.bin'), Buffer.from([0, 1, 2]));
    await writeFile(
      join(dir, 'actor.json'),
      JSON.stringify({
        name: 'Counter',
        stateless: false,
        fixtures: ['fixtures/a.json', { file: 'fixtures/b.txt', env: { N: 3 } }, 'fixtures/c.bin'],
      }),
    );
    const project = await loadActorProject(dir);
    expect(project.image).toBe('actorkit-dev/counter:latest');
    expect(project.config.entry).toBe('src/actor.ts');
    expect(project.dockerfile).toBeNull();
    const fixtures = await loadFixtures(project);
    expect(fixtures.map((f) => f.kind)).toEqual(['json', 'text', 'binary']);
    expect(fixtures[0]!.body).toEqual({ add: 2 });
    expect(fixtures[1]).toMatchObject({ body: 'hello', env: { N: '3' } });
    expect([...(fixtures[2]!.body as Uint8Array)]).toEqual([0, 1, 2]);
  });

  it('says which field is wrong, and how to start when there is no actor.json', async () => {
    await writeFile(join(dir, 'actor.json'), JSON.stringify({ name: 'x y', stateless: 'no' }));
    const error = await loadActorProject(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActorProjectError);
    expect((error as Error).message).toMatch(/name: name may contain/);
    expect((error as Error).message).toMatch(/stateless:/);
    const missing = await loadActorProject(join(dir, 'nope')).catch((e: unknown) => e);
    expect((missing as Error).message).toContain('actorkit init');
  });
});

describe('the build context', () => {
  it("keeps the staged native packages beside the bundle, and leaves out the folder's own dependencies and state", async () => {
    const { contextFiles } = await import('../src/image-build.js');
    const dir = await mkdtemp(join(tmpdir(), 'actorkit-context-'));
    try {
      for (const f of [
        'dist/actor.mjs',
        'dist/node_modules/node-unix-socket/package.json',
        'node_modules/zod/index.js',
        '.actorkit/image.json',
        'src/actor.ts',
        'secret/key',
      ]) {
        await mkdir(join(dir, f, '..'), { recursive: true });
        await writeFile(join(dir, f), 'x');
      }
      await writeFile(join(dir, '.dockerignore'), 'secret/\n');
      expect((await contextFiles(dir)).sort()).toEqual([
        '.dockerignore',
        'dist/actor.mjs',
        'dist/node_modules/node-unix-socket/package.json',
        'src/actor.ts',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
