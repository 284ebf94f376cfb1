import { describe, expect, it } from 'vitest';
import {
  ActorsClient,
  ConfigDisplaySchema,
  ConfigRequestSchema,
  configNameProblem,
  type ConfigRequest,
} from '../src/index.js';
import { envelope } from './fake-server.js';
import { FakeServer } from './fake-server.js';

// fidelity.md §6: actor configs, and their permissions (§5.1's flat map).
const CONFIG = { name: 'db', value: 'v1.aaa.bbb.ccc', isSecret: true, actors: 'A1,my-alias' };
const SNAKE = { name: 'db', value: 'v1.aaa.bbb.ccc', is_secret: true, actors: 'A1,my-alias' };
const BODY: ConfigRequest = { name: 'db', value: 'postgres://x', isSecret: true, actors: 'A1,my-alias' };

describe('the configs client', () => {
  it.each([
    ['camel', CONFIG],
    ['snake', SNAKE],
  ])('reads a config answered in %s case', async (_case, shown) => {
    await using server = await FakeServer.start();
    server.reply(envelope(shown), envelope([shown]));
    const client = new ActorsClient({ baseUrl: server.origin });
    expect(await client.getConfig('db')).toEqual(CONFIG);
    expect(await client.listConfigs()).toEqual([CONFIG]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /actors/v2/configs/db',
      'GET /actors/v2/configs',
    ]);
  });

  it('sends create, update and delete to the config paths, with the body as given', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope(CONFIG), envelope(CONFIG), envelope(null));
    const client = new ActorsClient({ baseUrl: server.origin, flavour: 'v3' });
    expect(await client.addConfig(BODY)).toEqual(CONFIG);
    expect(await client.updateConfig('db', BODY)).toEqual(CONFIG);
    expect(await client.deleteConfig('db')).toBe('');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v3/actors/configs',
      'PUT /v3/actors/configs/db',
      'DELETE /v3/actors/configs/db',
    ]);
    expect(JSON.parse(server.requests[0]!.body.toString('utf8'))).toEqual(BODY);
  });

  it('encodes a config name in the path', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope(CONFIG));
    const client = new ActorsClient({ baseUrl: server.origin });
    await client.getConfig('a%b');
    expect(server.requests[0]!.path).toBe('/actors/v2/configs/a%25b');
  });

  it('reads and sets config permissions as the flat map, user names as sent', async () => {
    await using server = await FakeServer.start();
    const map = { jane_doe: 'UPDATE', alice: 'NONE' };
    server.reply(envelope(map), envelope(map));
    const client = new ActorsClient({ baseUrl: server.origin });
    expect(await client.getConfigPermissions('db')).toEqual(map);
    expect(await client.updateConfigPermissions('db', { user: 'alice', level: 'NONE' })).toEqual(map);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /actors/v2/configs/db/permissions',
      'POST /actors/v2/configs/db/permissions',
    ]);
  });

  it('fills in what a lenient read may miss', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope({ name: 'bare' }));
    const client = new ActorsClient({ baseUrl: server.origin });
    expect(await client.getConfig('bare')).toEqual({ name: 'bare', value: '', isSecret: false, actors: '' });
  });
});

describe('config schemas', () => {
  it('reads isSecret as inputs.boolean does: booleans and "True"/"false"/"1"/"0" in any case', () => {
    const parse = (isSecret: unknown) =>
      ConfigRequestSchema.safeParse({ name: 'n', value: 'v', actors: 'a', isSecret });
    expect(parse('True').data?.isSecret).toBe(true);
    expect(parse('false').data?.isSecret).toBe(false);
    expect(parse('1').data?.isSecret).toBe(true);
    expect(parse(false).data?.isSecret).toBe(false);
    expect(parse('maybe').success).toBe(false);
  });

  it('keeps actors a string, as sent', () => {
    const parsed = ConfigRequestSchema.parse({ name: 'n', value: 'v', isSecret: false, actors: 'abc, def' });
    expect(parsed.actors).toBe('abc, def');
    expect(
      ConfigRequestSchema.safeParse({ name: 'n', value: 'v', isSecret: false, actors: ['a'] }).success,
    ).toBe(false);
  });

  it('displays exactly name, value, isSecret and actors', () => {
    expect(ConfigDisplaySchema.safeParse({ ...CONFIG, tenant: 'DEV' }).success).toBe(false);
    expect(ConfigDisplaySchema.parse(CONFIG)).toEqual(CONFIG);
  });

  it('refuses reserved words and forbidden characters with the service texts', () => {
    expect(configNameProblem('utilization')).toBe(
      "utilization is a reserved word. The following reserved words cannot be used for a config: ['executions', 'nonces', 'logs', 'messages', 'adapters', 'admin', 'utilization'].",
    );
    expect(configNameProblem('a b')).toBe(
      "' ' is a forbidden character. The following characters cannot be used for a config name: [:/?#[]@!$&'()*+,;= ].",
    );
    expect(configNameProblem('ok-name.1')).toBeNull();
  });
});
