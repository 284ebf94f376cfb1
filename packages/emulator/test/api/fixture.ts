import { ActorsClient, type ApiFlavour, type Credentials } from '@actorkit/api';
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../src/index.js';

export const USERS = {
  admin: { name: 'admin', token: 'admin-token-0123456789' },
  alice: { name: 'alice', token: 'alice-token-0123456789' },
  bob: { name: 'bob', token: 'bob-token-0123456789' },
  priv: { name: 'priv', token: 'priv-token-0123456789' },
} as const;

/** An in-memory emulator with four users: admin (the local user), alice and bob (user), priv (privileged). */
export function startTestEmulator(extra: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    inMemory: true,
    user: USERS.admin.name,
    token: USERS.admin.token,
    users: [
      { ...USERS.alice, roles: ['user'] },
      { ...USERS.bob, roles: ['user'] },
      { ...USERS.priv, roles: ['privileged'] },
    ],
    ...extra,
  });
}

export function clientAs(emu: RunningEmulator, flavour: ApiFlavour, token: string): ActorsClient {
  return new ActorsClient({ baseUrl: emu.url, flavour, credentials: { kind: 'bearer', token } });
}

export function clientWith(
  emu: RunningEmulator,
  flavour: ApiFlavour,
  credentials: Credentials,
): ActorsClient {
  return new ActorsClient({ baseUrl: emu.url, flavour, credentials });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: { result: unknown; status: string; message: string; version: string } | null;
}

export interface RawInit {
  token?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | URLSearchParams;
  json?: unknown;
}

/** A plain HTTP request, for what the typed client does not send (bad bodies, odd methods, headers). */
export async function raw(
  emu: Pick<RunningEmulator, 'url'>,
  method: string,
  path: string,
  init: RawInit = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  let body: RequestInit['body'] = init.body as RequestInit['body'];
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(emu.url + path, { method, headers, body });
  const text = await res.text();
  let json: RawResponse['json'] = null;
  try {
    json = JSON.parse(text) as RawResponse['json'];
  } catch (cause) {
    void cause; // not JSON: the caller looks at text
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Polls until `check` returns a value other than undefined, or fails after the deadline. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setImmediate(r));
  }
}
