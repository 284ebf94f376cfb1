import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { invoke } from '@actorkit/testing';
import counter from './actor.js';

describe('counter', () => {
  it('starts from zero and stores the new count', async () => {
    const run = await invoke(counter, { message: { op: 'add', by: 2 }, username: 'ada' });
    expect(run.exitCode).toBe(0);
    expect(run.state).toEqual({ count: 2, updates: 1, lastUpdatedBy: 'ada' });
    expect(run.resultsJson()).toEqual([{ count: 2 }]);
    expect(run.stdout).toMatch(/^add: 0 -> 2\n/);
  });

  it('carries the state from one execution to the next', async () => {
    let state: unknown = {};
    for (const message of [{ op: 'add' }, { op: 'add', by: 5 }, { op: 'add', by: -2 }]) {
      ({ state } = await invoke(counter, { message, state }));
    }
    expect(state).toEqual({ count: 4, updates: 3, lastUpdatedBy: 'testuser' });
  });

  it('resets', async () => {
    const run = await invoke(counter, {
      message: { op: 'reset' },
      state: { count: 9, updates: 4, lastUpdatedBy: null },
    });
    expect(run.state).toMatchObject({ count: 0, updates: 5 });
  });

  it('reads the state in the Python-literal form the service writes, and in JSON', async () => {
    const state = { count: 7, updates: 1, lastUpdatedBy: 'Zoë' };
    for (const messageFormat of ['python', 'json'] as const) {
      const run = await invoke(counter, { message: { op: 'add', by: 1 }, state, messageFormat });
      expect(run.state).toEqual({ count: 8, updates: 2, lastUpdatedBy: 'testuser' });
    }
  });

  it('rejects a message outside its schema with exit code 2, naming each field', async () => {
    const run = await invoke(counter, { message: { op: 'add', by: 1.5 }, state: { count: 1 } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/- by: .*expected int/);
    expect(run.stateUpdates).toEqual([]);
    const unknownOp = await invoke(counter, { message: { op: 'multiply' } });
    expect(unknownOp.stderr).toMatch(/- op: /);
  });

  it('refuses a corrupt stored state instead of overwriting it', async () => {
    const run = await invoke(counter, { message: { op: 'add' }, state: { count: 'many' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/the state does not match the actor's state schema:\n {2}- count: /);
  });

  it('fails, as on the service, when registered stateless by mistake', async () => {
    const run = await invoke(counter, { message: { op: 'add' }, stateless: true });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/actor is stateless/);
  });

  it('runs its dev-loop fixtures in order: add 2, add 2, reset', async () => {
    let state: unknown = {};
    const counts: unknown[] = [];
    for (const file of ['add-two.json', 'add-two.json', 'reset.json']) {
      const message: unknown = JSON.parse(
        await readFile(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'),
      );
      const run = await invoke(counter, { message, state });
      ({ state } = run);
      counts.push(...run.resultsJson());
    }
    expect(counts).toEqual([{ count: 2 }, { count: 4 }, { count: 0 }]);
  });
});
