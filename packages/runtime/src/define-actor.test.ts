import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineActor, getContext, getMessage, getState, sendResult, updateState } from './index.js';
import { executionEnv, TestPlatform } from '../test/memory-platform.js';

const jsonEnv = (msg: string, state = '{}') =>
  executionEnv({
    MSG: msg,
    _abaco_Content_Type: 'application/json',
    '_abaco_Content-Type': 'application/json',
    _abaco_actor_state: state,
  });
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

const counter = defineActor({
  message: z.object({ add: z.number().int() }),
  state: z.object({ count: z.number().int().default(0) }),
  handler: ({ message, state, log }) => {
    const count = state.count + message.add;
    log('count is now', count);
    return { state: { count }, result: { count } };
  },
});

describe('defineActor', () => {
  it('validates, calls the handler, stores the returned state, sends the result and logs a summary', async () => {
    const platform = new TestPlatform(jsonEnv("{'add': 2}", "{'count': 40}"));
    const outcome = await counter.run(platform);
    expect(outcome).toMatchObject({ exitCode: 0, resultsSent: 1, stateStored: true });
    expect(platform.api?.calls).toEqual([{ op: 'updateState', args: ['ACTOR00000001', { count: 42 }] }]);
    expect(text(platform.results[0])).toBe('{"count":42}');
    expect(platform.stdout).toEqual([
      'count is now 42\n',
      '[actorkit] execution EXEC000000001 of test-actor done in 5 ms: message application/json, 1 result, state stored\n',
    ]);
    expect(platform.stderr).toEqual([]);
  });

  it('exits 2 with every failing field on stderr when the message does not match', async () => {
    const platform = new TestPlatform(jsonEnv("{'add': 'two', 'extra': True}"));
    const outcome = await counter.run(platform);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.error?.name).toBe('ActorInputError');
    expect(platform.stderr.join('')).toMatch(
      /^\[actorkit\] execution EXEC000000001 of test-actor failed \(exit 2, 5 ms\): ActorInputError: the message does not match the actor's message schema:\n {2}- add: .*expected number/,
    );
    expect(platform.results).toEqual([]);
    expect(platform.api).toBeUndefined();
  });

  it('exits 2 naming the variable when the environment is wrong', async () => {
    const platform = new TestPlatform(executionEnv({ _abaco_actor_id: undefined }));
    const outcome = await counter.run(platform);
    expect(outcome.exitCode).toBe(2);
    expect(platform.stderr.join('')).toMatch(
      /^\[actorkit\] execution EXEC000000001 of test-actor failed \(exit 2, 5 ms\): ActorEnvironmentError: _abaco_actor_id: is not set\. [^\n]*\n$/,
    );
  });

  it('exits 1 with the stack on stderr when the handler throws, keeping what was sent before', async () => {
    const actor = defineActor({
      handler: async ({ sendResult }) => {
        await sendResult('partial');
        throw new Error('boom', { cause: new Error('the disk is full') });
      },
    });
    const platform = new TestPlatform();
    const outcome = await actor.run(platform);
    expect(outcome).toMatchObject({ exitCode: 1, resultsSent: 1 });
    const stderr = platform.stderr.join('');
    expect(stderr).toMatch(/failed \(exit 1, 5 ms\): Error: boom\n {4}at /);
    expect(stderr).toMatch(/caused by: Error: the disk is full/);
    expect(text(platform.results[0])).toBe('partial');
  });

  it('refuses a returned state its own schema rejects, and unknown return keys', async () => {
    const badState = defineActor({
      state: z.object({ count: z.number().default(0) }),
      handler: () => ({ state: { count: 'x' as never } }),
    });
    const platform = new TestPlatform();
    expect((await badState.run(platform)).exitCode).toBe(1);
    expect(platform.stderr.join('')).toMatch(
      /the state to store does not match the actor's state schema \(count: /,
    );
    expect(platform.api).toBeUndefined();

    const typo = defineActor({ handler: () => ({ reslt: 1 }) as never });
    const second = new TestPlatform();
    expect((await typo.run(second)).error?.message).toBe(
      'the handler returned unknown keys reslt; it may return { state?, result?, results? }',
    );
  });

  it('sends `result` then each of `results`, in order', async () => {
    const actor = defineActor({
      handler: () => ({ result: 'a', results: [new Uint8Array([98]), { c: 1 }] }),
    });
    const platform = new TestPlatform();
    await actor.run(platform);
    expect(platform.results.map(text)).toEqual(['a', 'b', '{"c":1}']);
  });

  it('gives the free functions the running execution, so concurrent runs never mix', async () => {
    const actor = defineActor({
      handler: async () => {
        const { n } = getMessage(z.object({ n: z.number() }));
        const { seen } = getState(z.object({ seen: z.array(z.number()).default([]) }));
        await new Promise((resolve) => setImmediate(resolve));
        await sendResult(`${getContext().executionId}:${n}`);
        await updateState({ seen: [...seen, n] });
      },
    });
    const platforms = Array.from({ length: 20 }, (_, i) => {
      const env = jsonEnv(`{'n': ${i}}`, `{'seen': [${i * 10}]}`);
      return new TestPlatform({ ...env, _abaco_execution_id: `EXEC${String(i).padStart(9, '0')}` });
    });
    const outcomes = await Promise.all(platforms.map((p) => actor.run(p)));
    expect(outcomes.every((o) => o.exitCode === 0)).toBe(true);
    platforms.forEach((p, i) => {
      expect(text(p.results[0])).toBe(`EXEC${String(i).padStart(9, '0')}:${i}`);
      expect(p.api?.calls).toEqual([{ op: 'updateState', args: ['ACTOR00000001', { seen: [i * 10, i] }] }]);
    });
  });

  it('does not run when imported: only the program module runs itself', () => {
    // This file defined actors above; had any of them run, the process's own execution would have failed loudly.
    expect(counter.kind).toBe('actorkit.actor');
    expect(process.exitCode === undefined || process.exitCode === 0).toBe(true);
  });
});
