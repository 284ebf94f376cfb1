import { parsePythonLiteral } from '@actorkit/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorRecord } from '../../test/actor-record.js';
import { configsForActor } from '../configs/actor-configs.js';
import type { ActorRecord, QueuedMessage } from '../store/records.js';
import { Store } from '../store/store.js';
import { executionEnvironment, type EnvironmentInput } from './container-env.js';

// fidelity.md §9.5 (container environment) and §6 (`_actor_configs`).
function message(patch: Partial<QueuedMessage> = {}): QueuedMessage {
  return {
    seq: 1,
    actorId: 'A1',
    executionId: 'E1',
    contentType: 'application/json',
    body: Buffer.from('{"k": 1}'),
    env: {},
    sender: 'alice',
    createTime: new Date().toISOString(),
    claimedBy: null,
    ...patch,
  };
}

function input(actor: ActorRecord, patch: Partial<EnvironmentInput> = {}): EnvironmentInput {
  return {
    actor,
    message: message({ actorId: actor.id }),
    workerId: 'W1',
    apiServer: 'http://127.0.0.1:5000',
    token: '',
    state: {},
    format: 'python',
    jwtHeaderName: 'X-Jwt-Assertion-DEV',
    actorConfigs: {},
    ...patch,
  };
}

describe('executionEnvironment', () => {
  it('always sets _actor_configs, as {} when no config names the actor', () => {
    expect(executionEnvironment(input(actorRecord('A1')))._actor_configs).toBe('{}');
  });

  it('writes _actor_configs as the Python dict literal docker-py writes', () => {
    const env = executionEnvironment(
      input(actorRecord('A1'), { actorConfigs: { the_config: 'my value', quote: "it's" } }),
    );
    expect(env._actor_configs).toBe(`{'the_config': 'my value', 'quote': "it's"}`);
  });

  it('keeps _actor_configs a Python literal with the json message format too', () => {
    const env = executionEnvironment(input(actorRecord('A1'), { format: 'json', actorConfigs: { a: 'b' } }));
    expect(env._actor_configs).toBe("{'a': 'b'}");
  });

  it('does not let a query parameter forge _actor_configs', () => {
    const actor = actorRecord('A1');
    const env = executionEnvironment(
      input(actor, { message: message({ env: { _actor_configs: "{'x': 'forged'}" } }) }),
    );
    expect(env._actor_configs).toBe('{}');
  });

  it('gives an unnamed actor the name "None", and a named one its name', () => {
    expect(executionEnvironment(input(actorRecord('A1', { name: null })))._abaco_actor_name).toBe('None');
    expect(executionEnvironment(input(actorRecord('A1', { name: 'echo' })))._abaco_actor_name).toBe('echo');
  });

  it('sets the content type only as _abaco_Content_Type', () => {
    const env = executionEnvironment(input(actorRecord('A1')));
    expect(env._abaco_Content_Type).toBe('application/json');
    expect(env).not.toHaveProperty('_abaco_Content-Type');
  });
});

describe('configsForActor', () => {
  let store: Store;
  const actor = actorRecord('ACTOR0000001', { tenant: 'DEV', owner: 'alice' });
  const other = actorRecord('ACTOR0000002', { tenant: 'DEV', owner: 'alice' });
  const now = new Date().toISOString();
  const add = (tenant: string, name: string, actors: string, value = `v-${name}`, isSecret = false) =>
    store.createConfig({ tenant, name, value, isSecret, actors, owner: 'alice', createTime: now });

  beforeEach(() => {
    store = new Store({ dataDir: null });
    store.createActor(actor);
    store.createActor(other);
    store.aliases.insert({
      alias: 'my-alias',
      actorId: actor.id,
      owner: 'alice',
      tenant: 'DEV',
      createTime: now,
    });
  });
  afterEach(() => store.close());

  it('delivers configs whose stripped entries name the actor id or one of its aliases', () => {
    add('DEV', 'by-id', `${other.id}, ${actor.id} `);
    add('DEV', 'by-alias', ' my-alias ');
    add('DEV', 'for-other', other.id);
    expect(configsForActor(store, actor)).toEqual({ 'by-id': 'v-by-id', 'by-alias': 'v-by-alias' });
  });

  it('matches entries exactly, not as substrings of the actors string', () => {
    add('DEV', 'longer-name', `${actor.id}X,my-alias-2`);
    add('DEV', 'prefix', actor.id.slice(0, 6));
    expect(configsForActor(store, actor)).toEqual({});
  });

  it("ignores another tenant's configs, even when they name the actor's id or alias", () => {
    add('OTHER', 'foreign', `${actor.id},my-alias`);
    expect(configsForActor(store, actor)).toEqual({});
  });

  it('delivers a secret decrypted, while the store holds only its ciphertext', () => {
    const created = add('DEV', 'token', actor.id, 's3cr3t-value', true);
    expect(created?.value).not.toContain('s3cr3t-value');
    const delivered = configsForActor(store, actor);
    expect(delivered).toEqual({ token: 's3cr3t-value' });
    const env = executionEnvironment(input(actor, { actorConfigs: delivered }));
    expect(parsePythonLiteral(env._actor_configs!)).toEqual({ token: 's3cr3t-value' });
  });
});
