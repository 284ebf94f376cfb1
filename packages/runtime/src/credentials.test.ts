import { describe, expect, it } from 'vitest';
import { apiSettings, isJwt } from './index.js';
import { executionEnv } from '../test/memory-platform.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: 'alice' })}.c2lnbmF0dXJl`;

describe('apiSettings: which API and credentials an execution uses', () => {
  it('v2 bearer when _abaco_jwt_header_name is set (the real Abaco v2 service, and the emulator)', () => {
    expect(apiSettings(executionEnv())).toEqual({
      baseUrl: 'http://127.0.0.1:5000',
      flavour: 'v2',
      credentials: { kind: 'bearer', token: 'token-abc' },
    });
    expect(apiSettings(executionEnv({ _abaco_access_token: JWT })).credentials).toEqual({
      kind: 'bearer',
      token: JWT,
    });
  });

  it('v3 X-Tapis-Token for a JWT when no v2 header name is set (Tapis Actors)', () => {
    const settings = apiSettings(
      executionEnv({ _abaco_jwt_header_name: undefined, _abaco_access_token: JWT }),
    );
    expect(settings).toMatchObject({ flavour: 'v3', credentials: { kind: 'tapis', token: JWT } });
  });

  it('v2 bearer for an opaque token with no header name', () => {
    const settings = apiSettings(executionEnv({ _abaco_jwt_header_name: undefined }));
    expect(settings).toMatchObject({ flavour: 'v2', credentials: { kind: 'bearer' } });
  });

  it('follows a base path the server URL already names', () => {
    const v3 = apiSettings(executionEnv({ _abaco_api_server: 'https://tacc.tapis.io/v3/actors/' }));
    expect(v3).toMatchObject({ flavour: 'v3', credentials: { kind: 'tapis' } });
    const v2 = apiSettings(
      executionEnv({
        _abaco_api_server: 'https://api.tacc.cloud/actors/v2',
        _abaco_jwt_header_name: undefined,
        _abaco_access_token: JWT,
      }),
    );
    expect(v2).toMatchObject({ flavour: 'v2', credentials: { kind: 'bearer' } });
  });

  it('obeys ACTORKIT_API_FLAVOUR over everything, and rejects a wrong value by name', () => {
    expect(apiSettings(executionEnv({ ACTORKIT_API_FLAVOUR: 'v3' }))).toMatchObject({
      flavour: 'v3',
      credentials: { kind: 'tapis' },
    });
    expect(() => apiSettings(executionEnv({ ACTORKIT_API_FLAVOUR: 'v4' }))).toThrow(
      'ACTORKIT_API_FLAVOUR: is "v4"; expected v2 or v3',
    );
  });

  it('names the variable when the server or the token is missing or wrong', () => {
    expect(() => apiSettings(executionEnv({ _abaco_api_server: undefined }))).toThrow(
      /^_abaco_api_server: is not set/,
    );
    expect(() => apiSettings(executionEnv({ _abaco_api_server: 'not a url' }))).toThrow(
      '_abaco_api_server: is "not a url", which is not a URL',
    );
    expect(() => apiSettings(executionEnv({ _abaco_access_token: '' }))).toThrow(
      /^_abaco_access_token: is empty.*token: true/,
    );
  });
});

describe('isJwt', () => {
  it('tells JWTs from opaque tokens', () => {
    expect(isJwt(JWT)).toBe(true);
    expect(isJwt(`${b64({ alg: 'none' })}.${b64({})}.`)).toBe(true);
    expect(isJwt('3f2a9c0d1e')).toBe(false);
    expect(isJwt('a.b.c')).toBe(false);
    expect(isJwt(`${b64({ alg: 'RS256' })}..sig`)).toBe(false);
  });
});
