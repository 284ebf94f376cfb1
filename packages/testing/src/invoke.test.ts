import { describe, expect, it } from 'vitest';
import { ActorsApiError } from '@actorkit/api';
import { defineActor } from '@actorkit/runtime';
import { invoke } from './index.js';
import { binarySize, caller, counter, echo, failing } from '../test/actors.js';

describe('invoke: messages as the service delivers them', () => {
  it('delivers a string as a str message', async () => {
    const run = await invoke(echo, { message: 'hi there', env: { GREETING: 'hello', N: 3 } });
    expect(run.exitCode).toBe(0);
    expect(run.resultsJson()).toEqual([{ message: 'hi there', env: { GREETING: 'hello', N: '3' } }]);
    expect(run.stdout).toMatch(
      /^content type str\n\[actorkit\] execution EX\w+ of test-actor done in \d+ ms: message str, 1 result\n$/,
    );
  });

  it('delivers JSON through the Python literal the service writes, unicode and escapes intact', async () => {
    const message = { name: 'Zoë\'s "café" 😀', lines: 'a\nb\\c', n: [1, 2.5, -3e-7], ok: true, none: null };
    const run = await invoke(echo, { message });
    expect(run.resultsJson()).toEqual([{ message, env: {} }]);
    const viaJson = await invoke(echo, { message, messageFormat: 'json' });
    expect(viaJson.resultsJson()).toEqual([{ message, env: {} }]);
  });

  it('delivers a JSON string when asked for application/json explicitly', async () => {
    const run = await invoke(echo, { message: 'quoted', contentType: 'application/json' });
    expect(run.logs).toMatch(/content type application\/json/);
    expect(run.resultsJson()).toEqual([{ message: 'quoted', env: {} }]);
  });

  it('delivers bytes as a binary message', async () => {
    const run = await invoke(binarySize, { binary: new Uint8Array(70_000) });
    expect(run.resultsText).toEqual(['70000']);
    const none = await invoke(binarySize, { message: 'text' });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/the message is not binary: its content type is str/);
  });
});

describe('invoke: state, results, exit codes', () => {
  it('starts from the given state and reports the stored one', async () => {
    const run = await invoke(counter, { message: { add: 2 }, state: { count: 40 } });
    expect(run).toMatchObject({ exitCode: 0, state: { count: 42 }, stateUpdates: [{ count: 42 }] });
    expect(run.resultsJson()).toEqual([{ count: 42 }]);
    const fresh = await invoke(counter, { message: { add: 1 } });
    expect(fresh.state).toEqual({ count: 1 });
  });

  it('exits 2 for a message the schema rejects, leaving the state alone', async () => {
    const run = await invoke(counter, { message: { add: 'x' }, state: { count: 1 } });
    expect(run.exitCode).toBe(2);
    expect(run.error?.message).toMatch(
      /^the message does not match the actor's message schema:\n {2}- add: /,
    );
    expect(run).toMatchObject({ state: { count: 1 }, stateUpdates: [], results: [] });
  });

  it('exits 1 with the error when the handler throws', async () => {
    const run = await invoke(failing, { executionId: 'EXECFAILING01' });
    expect(run.exitCode).toBe(1);
    expect(run.error?.message).toBe('failed in EXECFAILING01');
    expect(run.stderr).toMatch(/failed \(exit 1, \d+ ms\): Error: failed in EXECFAILING01\n/);
  });

  it('fails to store state for a stateless actor, as the service does', async () => {
    const run = await invoke(counter, { message: { add: 1 }, stateless: true });
    expect(run.exitCode).toBe(1);
    expect(run.error).toBeInstanceOf(ActorsApiError);
    expect(run.error?.message).toMatch(/\(404\): actor is stateless\./);
  });

  it('names a bad variable set through rawEnv', async () => {
    const run = await invoke(echo, { rawEnv: { _abaco_actor_id: undefined } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/_abaco_actor_id: is not set/);
  });

  it('says when a result is not JSON', async () => {
    const actor = defineActor({ handler: () => ({ results: ['{"a":1}', 'plain'] }) });
    const run = await invoke(actor);
    expect(run.resultsText).toEqual(['{"a":1}', 'plain']);
    expect(() => run.resultsJson()).toThrow(/^result 1 is not JSON .*: "plain"$/);
  });
});

describe('invoke: messages to other actors and nonces', () => {
  it('records what was sent and the nonces made and deleted', async () => {
    const run = await invoke(caller, { nonces: [{ id: 'DEV_OLD', maxUses: 5 }] });
    expect(run.exitCode).toBe(0);
    expect(
      run.messagesSent.map(({ to, contentType, message, environment }) => ({
        to,
        contentType,
        message,
        environment,
      })),
    ).toEqual([
      { to: 'worker', contentType: 'str', message: 'plain text', environment: { A: '1' } },
      { to: 'worker', contentType: 'str', message: 'also text', environment: {} },
      { to: 'worker', contentType: 'application/json', message: { job: [1, 2] }, environment: {} },
      {
        to: 'worker',
        contentType: 'application/octet-stream',
        message: new Uint8Array([1, 2]),
        environment: {},
      },
    ]);
    expect(run.noncesCreated).toHaveLength(1);
    expect(run.noncesCreated[0]).toMatchObject({
      actorId: 'TESTACTOR0001',
      owner: 'testuser',
      level: 'READ',
      maxUses: 2,
      remainingUses: 2,
    });
    expect(run.noncesDeleted).toEqual(['DEV_OLD']);
    expect(run.resultsJson()).toEqual([{ nonce: run.noncesCreated[0]?.id, before: 2, after: 1 }]);
  });

  it('rejects a nonce the service would reject, and API calls without a token', async () => {
    const zeroUses = defineActor({ handler: async (ctx) => void (await ctx.createNonce({ maxUses: 0 })) });
    const run = await invoke(zeroUses);
    expect(run.exitCode).toBe(1);
    expect(run.error?.message).toMatch(/\(400\): The max uses parameter must be a positive integer or -1/);
    const noToken = await invoke(caller, { token: false });
    expect(noToken.exitCode).toBe(2);
    expect(noToken.error?.message).toMatch(/^_abaco_access_token: is empty/);
  });

  it('lets a test replace an API operation, e.g. to make it fail', async () => {
    const run = await invoke(caller, {
      api: {
        sendMessage: async () => {
          throw new Error('mailbox full');
        },
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.error?.message).toBe('mailbox full');
    expect(run.messagesSent).toEqual([]);
  });
});

describe('invoke: misuse', () => {
  it('says what is wrong with its arguments', async () => {
    await expect(invoke({} as never)).rejects.toThrow(/takes an actor made by defineActor/);
    await expect(invoke(echo, { message: 'x', binary: new Uint8Array(1) })).rejects.toThrow(
      /either `message` or `binary`/,
    );
    await expect(invoke(echo, { env: { MSG: 'x' } })).rejects.toThrow(
      /env\.MSG is set by the platform; use rawEnv/,
    );
  });
});
