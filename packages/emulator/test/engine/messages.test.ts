import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorsApiError, ActorsClient, type Actor } from '@actorkit/api';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';
import { echoed } from '../executor/harness.js';
import {
  actorEnvironment,
  aliceCredentials,
  EXECUTOR_KINDS,
  startEngineEmulator,
  type EngineEmulator,
} from './engine-emulator.js';
import { waitForFinal, waitForReady } from './wait-for.js';

/** 300 KB that are not UTF-8 (0xff and lone continuation bytes throughout). */
function nonUtf8Bytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 131 + 255) % 256;
  return bytes;
}

describe.each(EXECUTOR_KINDS)('messages reach the actor exactly as specified: $title', ({ kind, skip }) => {
  let python: EngineEmulator;
  let json: EngineEmulator;
  const echo = { FIXTURE_ECHO: '1' };

  beforeAll(async () => {
    if (skip) return;
    if (kind === 'docker') await buildFixtureImages();
    // no API gateway: `_abaco_api_server` is then the emulator's own URL (the gateway has its own tests)
    python = await startEngineEmulator(kind, { gateway: false });
    json = await startEngineEmulator(kind, { messageFormat: 'json', gateway: false });
  }, 240_000);
  afterAll(async () => {
    await python?.[Symbol.asyncDispose]();
    await json?.[Symbol.asyncDispose]();
  });

  async function run(on: EngineEmulator, actor: Actor, executionId: string) {
    const { client } = on.emu;
    const execution = await waitForFinal(client, actor.id, executionId);
    const { logs } = await client.getExecutionLogs(actor.id, executionId);
    expect(execution, logs).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
    return { execution, env: echoed(logs).env, binary: echoed(logs).binary };
  }

  it.skipIf(skip)(
    'a str message: MSG as sent, every _abaco_* variable, defaultEnvironment under the query',
    async () => {
      const { client, url } = python.emu;
      const defaults = { A: 'from defaultEnvironment', B: 'kept', ...echo };
      const actor = await client.add({
        image: ACTOR_IMAGE,
        name: 'echo',
        token: true, // the service's default is false: this actor asks for an execution token
        defaultEnvironment: actorEnvironment(kind, defaults),
      });
      await client.updatePermissions(actor.id, { user: 'alice', level: 'EXECUTE' });
      await waitForReady(client, actor.id);
      const text = 'hello, "world" = ünïcødé\nsecond line\t{not json}';
      const sent = await python.emu
        .clientFor('v2', aliceCredentials)
        .sendMessage(actor.id, text, { A: 'from the query', Q: 'x y' });
      const { execution, env } = await run(python, actor, sent.executionId);
      expect(env).toMatchObject({
        MSG: text,
        _abaco_Content_Type: 'str',
        _abaco_execution_id: sent.executionId,
        _abaco_actor_id: actor.id,
        _abaco_actor_dbid: `DEV-DEVELOP_${actor.id}`,
        _abaco_actor_name: 'echo',
        _abaco_worker_id: execution.workerId,
        _abaco_username: 'alice',
        _abaco_container_repo: ACTOR_IMAGE,
        _abaco_actor_revision: String(actor.revision),
        _abaco_api_server: url,
        _abaco_jwt_header_name: 'X-Jwt-Assertion-DEV-DEVELOP',
        _abaco_actor_state: '{}',
        A: 'from the query',
        B: 'kept',
        Q: 'x y',
        _actor_configs: '{}',
      });
      expect(env).not.toHaveProperty('_abaco_Content-Type');
      expect(execution.workerId).toMatch(/^\w{13}$/);
      expect(execution.executor).toBe('alice');
      const token = env._abaco_access_token ?? '';
      expect(token.length).toBeGreaterThan(20);
      const asExecution = new ActorsClient({ baseUrl: url, credentials: { kind: 'bearer', token } });
      const refused = await asExecution.get(actor.id).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ActorsApiError);
      expect((refused as ActorsApiError).status).toBe(401); // revoked when the execution ended
    },
  );

  it.skipIf(skip)('a JSON message and the state arrive as Python literals', async () => {
    const { client } = python.emu;
    const actor = await client.add({
      image: ACTOR_IMAGE,
      stateless: false,
      defaultEnvironment: actorEnvironment(kind, echo),
    });
    await client.updateState(actor.id, { count: 1, ok: true, none: null, list: [1.5, 'two'] });
    await waitForReady(client, actor.id);
    const sent = await client.sendMessage(actor.id, { k: 'v', ok: true, n: null });
    const { env } = await run(python, actor, sent.executionId);
    expect(env.MSG).toBe("{'k': 'v', 'ok': True, 'n': None}");
    expect(env._abaco_Content_Type).toBe('application/json');
    expect(env['_abaco_Content-Type']).toBeUndefined();
    expect(env._abaco_actor_state).toBe("{'count': 1, 'ok': True, 'none': None, 'list': [1.5, 'two']}");
    expect(env.ACTORKIT_MESSAGE_FORMAT).toBeUndefined();
  });

  it.skipIf(skip)(
    'a JSON text as a Python client sends it: 1.0, a big int and the key order survive',
    async () => {
      const { client, url, token } = python.emu;
      const actor = await client.add({
        image: ACTOR_IMAGE,
        defaultEnvironment: actorEnvironment(kind, echo),
      });
      await waitForReady(client, actor.id);
      const response = await fetch(`${url}/actors/v2/${actor.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"b": 1, "2": [1.0, 12345678901234567890], "a": "\u00e9"}', // JSON.stringify could not write this
      });
      const { result } = (await response.json()) as { result: { executionId: string } };
      const { env } = await run(python, actor, result.executionId);
      expect(env.MSG).toBe("{'b': 1, '2': [1.0, 12345678901234567890], 'a': 'é'}"); // Python's repr(json.loads(...))
    },
  );

  it.skipIf(skip)('with messageFormat json, a JSON message and the state arrive as plain JSON', async () => {
    const { client } = json.emu;
    const actor = await client.add({
      image: ACTOR_IMAGE,
      stateless: false,
      defaultEnvironment: actorEnvironment(kind, echo),
    });
    await client.updateState(actor.id, { count: 1, ok: true, none: null });
    await waitForReady(client, actor.id);
    const sent = await client.sendMessage(actor.id, { k: 'v', ok: true, n: null });
    const { env } = await run(json, actor, sent.executionId);
    expect(env.MSG).toBe('{"k":"v","ok":true,"n":null}');
    expect(env._abaco_actor_state).toBe('{"count":1,"ok":true,"none":null}');
    expect(env.ACTORKIT_MESSAGE_FORMAT).toBe('json');
    expect(env._abaco_Content_Type).toBe('application/json');
  });

  it.skipIf(skip)(
    'the configs that name the actor or its alias reach it in _actor_configs, secrets decrypted',
    async () => {
      const { client } = python.emu;
      const actor = await client.add({
        image: ACTOR_IMAGE,
        defaultEnvironment: actorEnvironment(kind, echo),
      });
      await client.addAlias({ alias: `cfg-${actor.id.toLowerCase()}`, actorId: actor.id });
      await client.addConfig({
        name: `plain_${actor.id}`,
        value: "it's plain",
        isSecret: false,
        actors: actor.id,
      });
      const secret = await client.addConfig({
        name: `secret_${actor.id}`,
        value: 's3cr3t',
        isSecret: true,
        actors: ` cfg-${actor.id.toLowerCase()} `,
      });
      expect(secret.value).not.toContain('s3cr3t');
      await waitForReady(client, actor.id);
      const sent = await client.sendMessage(actor.id, 'configs?');
      const { env } = await run(python, actor, sent.executionId);
      expect(env._actor_configs).toBe(`{'plain_${actor.id}': "it's plain", 'secret_${actor.id}': 's3cr3t'}`);
      expect(env._abaco_actor_name).toBe('None');
    },
  );

  it.skipIf(skip)('a binary message: the pipe holds its exact bytes, and there is no MSG', async () => {
    const { client } = python.emu;
    const actor = await client.add({ image: ACTOR_IMAGE, defaultEnvironment: actorEnvironment(kind, echo) });
    await waitForReady(client, actor.id);
    const bytes = nonUtf8Bytes(300_000);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const sent = await client.sendBinaryMessage(actor.id, bytes, { NOTE: 'binary' });
    const { env, binary } = await run(python, actor, sent.executionId);
    expect(env.MSG).toBeUndefined();
    expect(env._abaco_Content_Type).toBe('application/octet-stream');
    expect(env.NOTE).toBe('binary');
    expect(binary?.size).toBe(300_000);
    expect(binary?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
