import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorWatcher, type ChangeBatch } from '../src/dev/watcher.js';

async function until<T>(check: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the actor watcher', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actorkit-watch-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, '.dockerignore'), 'secret/\n');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('reports a burst of saves as one batch, without editor temp files or ignored paths', async () => {
    const batches: ChangeBatch[] = [];
    await using _watcher = await ActorWatcher.start({ dir, debounceMs: 80, onBatch: (b) => batches.push(b) });
    await mkdir(join(dir, 'secret'));
    await writeFile(join(dir, 'secret/key.txt'), 'x');
    await writeFile(join(dir, 'src/.actor.ts.swp'), 'x');
    await writeFile(join(dir, 'src/actor.ts~'), 'x');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist/actor.mjs'), 'x');
    await writeFile(join(dir, 'src/actor.ts'), 'one');
    await writeFile(join(dir, 'src/actor.ts'), 'two');
    await writeFile(join(dir, 'src/util.ts'), 'three');
    const batch = await until(() => batches[0]);
    expect(batch.files).toEqual(['src/actor.ts', 'src/util.ts']);
    await new Promise((r) => setTimeout(r, 200));
    expect(batches).toHaveLength(1);
  });

  it('reports a second save that chokidar throttles away (within 50 ms of the first)', async () => {
    const batches: ChangeBatch[] = [];
    await using _watcher = await ActorWatcher.start({ dir, debounceMs: 20, onBatch: (b) => batches.push(b) });
    await writeFile(join(dir, 'src/actor.ts'), 'broken(');
    await until(() => batches[0]);
    await writeFile(join(dir, 'src/actor.ts'), 'fixed()');
    const second = await until(() => batches[1]);
    expect(second.files).toEqual(['src/actor.ts']);
  });
});
