import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActorInputError, BinaryMessageError, defineActor, getBinaryMessage, getMessage } from './index.js';
import { executionEnv, TestPlatform } from '../test/memory-platform.js';

const BINARY = 'application/octet-stream';
const binaryEnv = () =>
  executionEnv({ MSG: undefined, _abaco_Content_Type: BINARY, '_abaco_Content-Type': BINARY });

describe('getMessage', () => {
  it('decodes JSON text sent as a str message when the schema wants a structure', async () => {
    let seen: unknown;
    const actor = defineActor({ handler: () => void (seen = getMessage(z.object({ n: z.number() }))) });
    expect((await actor.run(new TestPlatform(executionEnv({ MSG: '{"n": 5}' })))).exitCode).toBe(0);
    expect(seen).toEqual({ n: 5 });
  });

  it('lists every failing field, with array positions', async () => {
    const schema = z.object({ items: z.array(z.object({ id: z.string() })), when: z.string() });
    const actor = defineActor({ handler: () => void getMessage(schema) });
    const platform = new TestPlatform(executionEnv({ MSG: '{"items": [{"id": "a"}, {"id": 2}]}' }));
    const error = (await actor.run(platform)).error;
    expect(error).toBeInstanceOf(ActorInputError);
    expect((error as ActorInputError).issues.map((i) => i.path)).toEqual(['items[1].id', 'when']);
    expect((error as Error).message).toMatch(
      /^the message does not match the actor's message schema:\n {2}- items\[1\]\.id: .*\n {2}- when: /,
    );
  });

  it('tells a binary message to be read as bytes', async () => {
    const actor = defineActor({ message: z.string(), handler: () => undefined });
    const outcome = await actor.run(new TestPlatform(binaryEnv(), new Uint8Array([1])));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.error?.message).toMatch(
      /the message is binary \(application\/octet-stream\): read its bytes with getBinaryMessage\(\)/,
    );
  });
});

describe('binary messages', () => {
  it('reads the bytes once, through the handler and the free function alike', async () => {
    const platform = new TestPlatform(binaryEnv(), new Uint8Array([1, 2, 3]));
    let reads = 0;
    const readBinary = platform.readBinary;
    platform.readBinary = () => (reads++, readBinary());
    const actor = defineActor({
      handler: async ({ binary }) => ({
        result: new Uint8Array([...(await binary()), ...(await getBinaryMessage())]),
      }),
    });
    expect((await actor.run(platform)).exitCode).toBe(0);
    expect([...(platform.results[0] ?? [])]).toEqual([1, 2, 3, 1, 2, 3]);
    expect(reads).toBe(1);
  });

  it('refuses to read bytes of a message that is not binary', async () => {
    const actor = defineActor({ handler: async ({ binary }) => void (await binary()) });
    const outcome = await actor.run(new TestPlatform());
    expect(outcome.error).toBeInstanceOf(BinaryMessageError);
    expect(outcome.error?.message).toMatch(/the message is not binary: its content type is str/);
  });
});

describe('calls to the actors API', () => {
  it("use the execution's server, token and actor id", async () => {
    const platform = new TestPlatform();
    const actor = defineActor({
      handler: async (ctx) => {
        await ctx.sendMessage('other-alias', { item: 1 }, { PRIORITY: 'high' });
        await ctx.sendMessage('OTHER00000001', new Uint8Array([9]));
        const nonce = await ctx.createNonce({ level: 'EXECUTE', maxUses: 2 });
        await ctx.listNonces();
        await ctx.deleteNonce(nonce.id);
      },
    });
    expect((await actor.run(platform)).exitCode).toBe(0);
    expect(platform.api?.settings).toEqual({
      baseUrl: 'http://127.0.0.1:5000',
      flavour: 'v2',
      credentials: { kind: 'bearer', token: 'token-abc' },
    });
    expect(platform.api?.calls).toEqual([
      { op: 'sendMessage', args: ['other-alias', { item: 1 }, { PRIORITY: 'high' }] },
      { op: 'sendBinaryMessage', args: ['OTHER00000001', new Uint8Array([9]), {}] },
      { op: 'addNonce', args: ['ACTOR00000001', { level: 'EXECUTE', maxUses: 2 }] },
      { op: 'listNonces', args: ['ACTOR00000001'] },
      { op: 'deleteNonce', args: ['ACTOR00000001', 'DEV_nonce1'] },
    ]);
  });

  it('fail with the variable named when the execution has no token', async () => {
    const actor = defineActor({ handler: async (ctx) => void (await ctx.listNonces()) });
    const outcome = await actor.run(new TestPlatform(executionEnv({ _abaco_access_token: '' })));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.error?.message).toMatch(/^_abaco_access_token: is empty/);
  });
});
