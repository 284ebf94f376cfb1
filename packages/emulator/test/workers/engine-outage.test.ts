import { describe, expect, it, vi } from 'vitest';
import { finishFromOutcome } from '../../src/store/execution-finish.js';
import { eventually, poolFixture } from './pool-fixture.js';

const NOTE = 'waiting to run: the fake engine is down';

describe('worker pool: an engine outage', () => {
  it('every waiting execution says why, sent before or after the failure; once back the notes and leftovers go', async () => {
    await using f = poolFixture();
    await f.pool.start();
    const actor = f.addActor({ stateless: false });
    await f.pool.actorCreated(actor);
    await eventually(() => f.store.actors.get(actor.id)?.status === 'READY', 2000, 'READY');
    const leftovers = vi.spyOn(f.executor, 'removeLeftovers');
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    f.executor.script = async (spec) => {
      if (spec.env.MSG === 'one') await gate;
      return 0;
    };
    const status = (id: string) => f.store.executions.get(id)!;

    f.executor.engineUp = false;
    const before = [f.send(actor, 'one'), f.send(actor, 'two')];
    await eventually(() => before.every((e) => status(e.id).statusMessage === NOTE), 2000, 'the notes');
    const after = f.send(actor, 'three');
    expect(status(after.id)).toMatchObject({ status: 'SUBMITTED', statusMessage: NOTE });
    expect(leftovers).not.toHaveBeenCalled();

    f.executor.engineUp = true;
    await eventually(() => status(before[0]!.id).status === 'RUNNING', 2000, 'one running');
    expect(leftovers).toHaveBeenCalledTimes(1);
    // still queued behind "one", but the reason has gone
    expect(status(after.id)).toMatchObject({ status: 'SUBMITTED', statusMessage: '' });
    release();
    const ids = [...before, after].map((e) => e.id);
    await eventually(() => ids.every((id) => status(id).status === 'COMPLETE'), 2000, 'all complete');
    expect(f.executor.started.map((s) => s.env.MSG)).toEqual(['one', 'two', 'three']);
    expect(ids.map((id) => status(id).statusMessage)).toEqual(['', '', '']);
  });

  it('records why a run ended when something outside the emulator killed it', () => {
    const base = {
      exitCode: 137,
      finalState: null,
      startTime: new Date(),
      finishTime: new Date(),
      runtimeMs: 5,
      cpuJiffies: 0,
      ioSectors: 0,
      platformError: null,
    };
    const killed = finishFromOutcome({
      ...base,
      stoppedBy: null,
      stopNote: 'the container was killed by SIGKILL',
    });
    expect(killed).toMatchObject({
      status: 'COMPLETE',
      exitCode: 137,
      statusMessage: 'the container was killed by SIGKILL',
    });
    const quit = finishFromOutcome({ ...base, stoppedBy: 'force-quit', stopNote: null });
    expect(quit.statusMessage).toBe('stopped by force-quit');
  });
});
