import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inProcess, invoke, type Invoker } from '@actorkit/testing';
import { checkEngine, containerActor, inContainer, type ContainerTier } from '@actorkit/testing/containers';
import counter from './actor.js';

/** What counter does, asserted the same way whichever tier runs it. */
function counterBehaviour(tier: () => Invoker) {
  it('starts from zero and stores the new count', async () => {
    const run = await tier()({ message: { op: 'add', by: 2 } });
    expect(run.exitCode).toBe(0);
    expect(run.state).toEqual({ count: 2, updates: 1, lastUpdatedBy: 'testuser' });
    expect(run.stateUpdates).toEqual([{ count: 2, updates: 1, lastUpdatedBy: 'testuser' }]);
    expect(run.resultsJson()).toEqual([{ count: 2 }]);
    expect(run.stdout).toMatch(/^add: 0 -> 2\n/);
  });

  it('carries the state from one execution to the next', async () => {
    let state: unknown = {};
    for (const message of [{ op: 'add' }, { op: 'add', by: 5 }, { op: 'add', by: -2 }]) {
      ({ state } = await tier()({ message, state }));
    }
    expect(state).toEqual({ count: 4, updates: 3, lastUpdatedBy: 'testuser' });
  });

  it('resets', async () => {
    const run = await tier()({
      message: { op: 'reset' },
      state: { count: 9, updates: 4, lastUpdatedBy: null },
    });
    expect(run.state).toMatchObject({ count: 0, updates: 5 });
  });

  it('rejects a message outside its schema with exit code 2, naming each field', async () => {
    const run = await tier()({ message: { op: 'add', by: 1.5 }, state: { count: 1 } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/- by: .*expected int/);
    expect(run.stateUpdates).toEqual([]);
    expect(run.state).toEqual({ count: 1 });
    const unknownOp = await tier()({ message: { op: 'multiply' } });
    expect(unknownOp.stderr).toMatch(/- op: /);
  });

  it('refuses a corrupt stored state instead of overwriting it', async () => {
    const run = await tier()({ message: { op: 'add' }, state: { count: 'many' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/the state does not match the actor's state schema:\n {2}- count: /);
    expect(run.state).toEqual({ count: 'many' });
  });

  it('fails, as on the service, when registered stateless by mistake', async () => {
    const run = await tier()({ message: { op: 'add' }, stateless: true });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/\(404\): actor is stateless\./);
  });

  it('runs its dev-loop fixtures in order: add 2, add 2, reset', async () => {
    let state: unknown = {};
    const counts: unknown[] = [];
    for (const file of ['add-two.json', 'add-two.json', 'reset.json']) {
      const message: unknown = JSON.parse(
        await readFile(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'),
      );
      const run = await tier()({ message, state });
      ({ state } = run);
      counts.push(...run.resultsJson());
    }
    expect(counts).toEqual([{ count: 2 }, { count: 4 }, { count: 0 }]);
  });
}

describe('counter, in process', () => {
  counterBehaviour(() => inProcess(counter));

  it('records who changed the count last', async () => {
    const run = await invoke(counter, { message: { op: 'add', by: 2 }, username: 'ada' });
    expect(run.state).toEqual({ count: 2, updates: 1, lastUpdatedBy: 'ada' });
  });

  it('reads the state in the Python-literal form the service writes, and in JSON', async () => {
    const state = { count: 7, updates: 1, lastUpdatedBy: 'Zoë' };
    for (const messageFormat of ['python', 'json'] as const) {
      const run = await invoke(counter, { message: { op: 'add', by: 1 }, state, messageFormat });
      expect(run.state).toEqual({ count: 8, updates: 2, lastUpdatedBy: 'testuser' });
    }
  });
});

const engine = await checkEngine();

describe.skipIf(engine.skip)(engine.title('counter, in a container through the emulator'), () => {
  let tier: ContainerTier;
  beforeAll(async () => {
    engine.require();
    const dir = fileURLToPath(new URL('..', import.meta.url));
    tier = await containerActor(dir, { emulator: inject('actorkitEmulator') });
  });
  afterAll(async () => tier?.dispose());

  counterBehaviour(() => inContainer(tier));
});
