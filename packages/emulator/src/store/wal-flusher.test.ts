import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache.js';
import { Store } from './store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fileStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'actorkit-flush-'));
  dirs.push(dir);
  return new Store({ dataDir: dir });
}

describe('group commit (Store.flushed)', () => {
  it('resolves at once when nothing was written, and after a write once it is synced', async () => {
    const store = fileStore();
    await store.flushed();
    store.appendLog('EXEC1', 'hello\n');
    await store.flushed();
    expect(store.logs.get('EXEC1')).toContain('hello');
    store.close();
  });

  it('serves a burst of callers, including ones that arrive while an fsync runs', async () => {
    const store = fileStore();
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      store.appendLog(`EXEC${i}`, 'x');
      waits.push(store.flushed());
      if (i % 10 === 0) await Promise.resolve();
    }
    await expect(Promise.all(waits)).resolves.toHaveLength(50);
    store.close();
    await expect(store.flushed()).resolves.toBeUndefined(); // closed: nothing to flush
  });

  it('is not used for an in-memory store', async () => {
    const store = new Store({ dataDir: null });
    expect(store.onDisk).toBe(false);
    store.appendLog('EXEC1', 'x');
    await expect(store.flushed()).resolves.toBeUndefined();
    store.close();
  });
});

describe('the statement cache', () => {
  it('compiles each SQL text once', () => {
    const store = fileStore();
    const db = (store as unknown as { db: Parameters<typeof cacheStatements>[0] }).db;
    expect(db.prepare('SELECT 1 AS one')).toBe(db.prepare('SELECT 1 AS one'));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    store.close();
  });
});
