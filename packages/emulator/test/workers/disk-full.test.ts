import { describe, expect, it } from 'vitest';
import { fillDisk } from '../full-disk.js';
import { eventually, poolFixture } from './pool-fixture.js';

describe('the worker pool on a full disk', () => {
  it("holds an execution's logs, results and end while the disk is full, and records them once there is space", async () => {
    await using f = poolFixture();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    f.executor.script = async (_spec, hooks) => {
      await gate;
      hooks.onLog(Buffer.alloc(60_000, 'x'));
      hooks.onResult(Buffer.alloc(30_000, 7));
      return 0;
    };
    const actor = f.addActor();
    await f.pool.actorCreated(actor);
    await eventually(() => f.store.actors.get(actor.id)?.status === 'READY');
    const execution = f.send(actor, 'caught by the full disk');
    await eventually(() => f.store.executions.get(execution.id)?.status === 'RUNNING');

    const free = fillDisk(f.store);
    release(); // the container writes its output and ends while the disk is full
    await new Promise((r) => setTimeout(r, 300));
    expect(f.store.executions.get(execution.id)?.status).toBe('RUNNING'); // its end waits for space
    expect(f.store.logs.get(execution.id)).toBe('');

    free();
    const ended = await eventually(() => {
      const e = f.store.executions.get(execution.id);
      return e?.status === 'COMPLETE' ? e : undefined;
    }, 5000);
    expect(ended.exitCode).toBe(0);
    expect(f.store.logs.get(execution.id)).toBe('x'.repeat(60_000));
    expect(f.store.results.pop(execution.id)).toEqual(Buffer.alloc(30_000, 7));
  });
});
