import { describe, expect, it } from 'vitest';
import { ActorEnvironmentError, readContext } from './index.js';
import { executionEnv } from '../test/memory-platform.js';

const json = (msg: string, extra: Record<string, string | undefined> = {}) =>
  executionEnv({
    MSG: msg,
    _abaco_Content_Type: 'application/json',
    '_abaco_Content-Type': 'application/json',
    ...extra,
  });

function errorOf(fn: () => unknown): ActorEnvironmentError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ActorEnvironmentError) return error;
    throw error;
  }
  throw new Error('expected an ActorEnvironmentError, but nothing was thrown');
}

describe('readContext: ids and content type', () => {
  it('reads every platform variable', () => {
    const context = readContext(executionEnv());
    expect(context).toMatchObject({
      actorId: 'ACTOR00000001',
      actorDbId: 'DEV_ACTOR00000001',
      actorName: 'test-actor',
      executionId: 'EXEC000000001',
      workerId: 'WORKER0000001',
      username: 'alice',
      containerRepo: 'actorkit-dev/test:latest',
      revision: 3,
      contentType: 'str',
      rawMessage: 'hello',
      message: 'hello',
      state: {},
      apiServer: 'http://127.0.0.1:5000',
      accessToken: 'token-abc',
      jwtHeaderName: 'X-Jwt-Assertion-DEV',
    });
  });

  it.each([
    ['_abaco_Content_Type only (the service)', { '_abaco_Content-Type': undefined }],
    ['_abaco_Content-Type only (the Python helpers)', { _abaco_Content_Type: undefined }],
    ['both', {}],
  ])('reads the content type from %s', (_label, overrides) => {
    const context = readContext(json("{'a': 1}", overrides));
    expect(context.contentType).toBe('application/json');
    expect(context.message).toEqual({ a: 1 });
  });

  it('names the content-type variable when it is missing or unknown', () => {
    const missing = errorOf(() =>
      readContext(executionEnv({ _abaco_Content_Type: undefined, '_abaco_Content-Type': undefined })),
    );
    expect(missing.variable).toBe('_abaco_Content_Type');
    expect(missing.message).toMatch(/_abaco_Content_Type: is not set \(nor _abaco_Content-Type\)/);
    const unknown = errorOf(() =>
      readContext(executionEnv({ _abaco_Content_Type: undefined, '_abaco_Content-Type': 'text/plain' })),
    );
    expect(unknown.message).toBe(
      '_abaco_Content-Type: is "text/plain"; expected one of str, application/json, application/octet-stream',
    );
  });

  it('takes _abaco_Content_Type over the hyphenated spelling, which is only a fallback', () => {
    const context = readContext(
      executionEnv({ _abaco_Content_Type: 'str', '_abaco_Content-Type': 'application/json' }),
    );
    expect(context.contentType).toBe('str');
    expect(context.message).toBe('hello');
  });

  it("reads an unnamed actor's name None as empty, and keeps a real name", () => {
    expect(readContext(executionEnv({ _abaco_actor_name: 'None' })).actorName).toBe('');
    expect(readContext(executionEnv({ _abaco_actor_name: 'my-actor' })).actorName).toBe('my-actor');
  });

  it('reads _actor_configs as the Python dict the service writes, and {} when absent', () => {
    const context = readContext(
      executionEnv({ _actor_configs: "{'db_url': 'postgres://h/db', 'api_key': \"it's secret\"}" }),
    );
    expect(context.configs).toEqual({ db_url: 'postgres://h/db', api_key: "it's secret" });
    expect(context.env).not.toHaveProperty('_actor_configs');
    expect(readContext(executionEnv()).configs).toEqual({});
    expect(readContext(executionEnv({ _actor_configs: '{}' })).configs).toEqual({});
  });

  it('names _actor_configs when it is not a dict of strings', () => {
    expect(errorOf(() => readContext(executionEnv({ _actor_configs: "['a']" }))).variable).toBe(
      '_actor_configs',
    );
    expect(errorOf(() => readContext(executionEnv({ _actor_configs: "{'n': 1}" }))).message).toMatch(
      /config "n" is not a string/,
    );
  });

  it('names a missing id, MSG or a malformed revision, and exits 2 for it', () => {
    expect(errorOf(() => readContext(executionEnv({ _abaco_actor_id: undefined }))).variable).toBe(
      '_abaco_actor_id',
    );
    expect(errorOf(() => readContext(executionEnv({ _abaco_execution_id: ' ' }))).variable).toBe(
      '_abaco_execution_id',
    );
    expect(errorOf(() => readContext(executionEnv({ MSG: undefined }))).variable).toBe('MSG');
    const revision = errorOf(() => readContext(executionEnv({ _abaco_actor_revision: 'two' })));
    expect(revision.message).toBe('_abaco_actor_revision: is "two"; expected a whole number');
    expect(revision.exitCode).toBe(2);
  });

  it('needs no MSG for a binary message, whose parsed message is null', () => {
    const binary = 'application/octet-stream';
    const context = readContext(
      executionEnv({ MSG: undefined, _abaco_Content_Type: binary, '_abaco_Content-Type': binary }),
    );
    expect(context).toMatchObject({ contentType: binary, rawMessage: '', message: null });
  });

  it('keeps an empty str message, and the cron message as text', () => {
    expect(readContext(executionEnv({ MSG: '' })).message).toBe('');
    expect(readContext(executionEnv({ MSG: 'This is your cron execution' })).message).toBe(
      'This is your cron execution',
    );
  });

  it("gives the user's variables without the platform's and ActorKit's", () => {
    const context = readContext(
      executionEnv({ ACTORKIT_RESULTS_SOCKET_PATH: '/tmp/x.sock', PARAM: 'from the query' }),
    );
    expect(context.env).toEqual({ GREETING: 'hi', PARAM: 'from the query' });
  });
});

describe('readContext: Python-literal and JSON messages and state', () => {
  it('decodes nested Python literals with unicode and escapes', () => {
    const msg =
      "{'name': 'Zoë 😀', 'path': 'C:\\\\tmp\\n', 'items': [1, 2.5, None, (True, False)], 'q': \"it's\"}";
    expect(readContext(json(msg)).message).toEqual({
      name: 'Zoë 😀',
      path: 'C:\\tmp\n',
      items: [1, 2.5, null, [true, false]],
      q: "it's",
    });
  });

  it('decodes JSON too, preferring it when ACTORKIT_MESSAGE_FORMAT=json', () => {
    expect(readContext(json('{"ok": true, "n": null, "s": "\\u00e9"}')).message).toEqual({
      ok: true,
      n: null,
      s: 'é',
    });
    // "\/" means "/" in JSON but stays "\/" in a Python literal: the preferred form decides.
    expect(readContext(json('"a\\/b"')).message).toBe('a\\/b');
    expect(readContext(json('"a\\/b"', { ACTORKIT_MESSAGE_FORMAT: 'json' })).message).toBe('a/b');
  });

  it('decodes the state the same way; {} when absent or empty', () => {
    expect(readContext(executionEnv({ _abaco_actor_state: "{'count': 41, 'tags': ['ä']}" })).state).toEqual({
      count: 41,
      tags: ['ä'],
    });
    expect(
      readContext(executionEnv({ _abaco_actor_state: '{"count": 1}', ACTORKIT_MESSAGE_FORMAT: 'json' }))
        .state,
    ).toEqual({ count: 1 });
    expect(readContext(executionEnv({ _abaco_actor_state: undefined })).state).toEqual({});
    expect(readContext(executionEnv({ _abaco_actor_state: '' })).state).toEqual({});
  });

  it('names MSG and gives both reasons when the message is neither form', () => {
    const error = errorOf(() => readContext(json("{'a': 1")));
    expect(error.variable).toBe('MSG');
    expect(error.message).toMatch(
      /^MSG: "\{'a': 1" could not be read \(as a Python literal: invalid Python literal at line 1, column 8: expected ',' or '\}', found end of input; as JSON: /,
    );
    expect(error.cause).toBeInstanceOf(AggregateError);
  });

  it('names the state variable when the state is malformed', () => {
    const error = errorOf(() => readContext(executionEnv({ _abaco_actor_state: "{'count': }" })));
    expect(error.variable).toBe('_abaco_actor_state');
    expect(error.message).toMatch(/as a Python literal: .*column 11: expected a value/);
  });

  it('rejects Python values that have no JSON form, saying why', () => {
    expect(() => readContext(json('{1, 2}'))).toThrow(/sets like \{1, 2\} are not supported/);
    expect(() => readContext(json("b'raw'"))).toThrow(/bytes literals/);
  });
});
