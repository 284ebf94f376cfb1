import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actorRecord } from '../../test/actor-record.js';
import { fillDisk } from '../../test/full-disk.js';
import { isDiskFull, whenSpace } from './disk-full.js';
import { Store } from './store.js';

/** A real SQLITE_FULL: a write the full store cannot take. */
function sqliteFull(): unknown {
  const store = new Store({ dataDir: null });
  fillDisk(store);
  try {
    store.createActor(actorRecord('A1', { defaultEnvironment: { PAD: 'p'.repeat(50_000) } }));
  } catch (error) {
    return error;
  } finally {
    store.close();
  }
  throw new Error('the write did not fail');
}

/** A real ENOSPC from the kernel: /dev/full refuses every write so. */
function enospc(): unknown {
  try {
    writeFileSync('/dev/full', 'x');
  } catch (error) {
    return error;
  }
  throw new Error('/dev/full took a write');
}

describe('isDiskFull', () => {
  it("knows SQLite's SQLITE_FULL and the kernel's ENOSPC, also as a cause", () => {
    expect((sqliteFull() as { code: string }).code).toBe('SQLITE_FULL');
    expect(isDiskFull(sqliteFull())).toBe(true);
    expect(isDiskFull(enospc())).toBe(true);
    expect(isDiskFull(Object.assign(new Error('quota'), { code: 'EDQUOT' }))).toBe(true);
    expect(isDiskFull(new Error('preparing the run directory', { cause: enospc() }))).toBe(true);
  });

  it('takes nothing else for a full disk', () => {
    for (const other of [
      new Error('database or disk is full'), // the words alone are not the code
      Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }),
      Object.assign(new Error('denied'), { code: 'EACCES' }),
      null,
      'ENOSPC',
      { code: 42 },
    ])
      expect(isDiskFull(other)).toBe(false);
  });
});

describe('a store on a full disk', () => {
  it('leaves nothing of a refused transaction, and takes it once the space returns', () => {
    const store = new Store({ dataDir: null });
    const free = fillDisk(store);
    const actor = actorRecord('A000000000001', { defaultEnvironment: { PAD: 'p'.repeat(50_000) } });
    expect(() => store.createActor(actor)).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    expect(store.actors.get(actor.id)).toBeNull();
    expect(store.permissions.get('actor', actor.id, actor.owner)).toBe('NONE');
    free();
    store.createActor(actor);
    expect(store.actors.get(actor.id)?.defaultEnvironment.PAD).toHaveLength(50_000);
    store.close();
  });
});

describe('whenSpace', () => {
  it('tries a write again while the disk is full, until it is made', async () => {
    let tries = 0;
    let waited = 0;
    const full = sqliteFull();
    const made = await whenSpace(
      () => {
        tries += 1;
        if (tries < 3) throw full;
        return 'made';
      },
      { retryMs: 5, onWait: () => (waited += 1) },
    );
    expect(made).toBe('made');
    expect(tries).toBe(3);
    expect(waited).toBe(1);
  });

  it('throws any other error at once', async () => {
    let tries = 0;
    await expect(
      whenSpace(() => {
        tries += 1;
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    expect(tries).toBe(1);
  });

  it('gives up when its signal is aborted, throwing the full disk', async () => {
    const stop = new AbortController();
    const full = sqliteFull();
    const waiting = whenSpace(
      () => {
        throw full;
      },
      { signal: stop.signal, retryMs: 60_000 },
    );
    setTimeout(() => stop.abort(), 10);
    await expect(waiting).rejects.toBe(full);
  });
});
