import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseUpOptions } from '../src/commands/up.js';

const BIN = fileURLToPath(new URL('../bin/actorkit.js', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('actorkit up options', () => {
  it('defaults to port 8000 on 127.0.0.1 with .actorkit, camel case, auth on', () => {
    expect(parseUpOptions([])?.emulator).toMatchObject({
      port: 8000,
      host: '127.0.0.1',
      dataDir: '.actorkit',
      keyCase: 'camel',
      noAuth: false,
      trustJwt: false,
    });
  });
  it('reads every flag, and rejects bad values', () => {
    const o = parseUpOptions([
      '--port',
      '0',
      '--data-dir',
      'd',
      '--case',
      'snake',
      '--user',
      'u',
      '--token',
      't',
      '--trust-jwt',
      '--no-auth',
    ]);
    expect(o?.emulator).toMatchObject({
      port: 0,
      dataDir: 'd',
      keyCase: 'snake',
      user: 'u',
      token: 't',
      trustJwt: true,
      noAuth: true,
    });
    expect(
      parseUpOptions(['--executor', 'process', '--max-workers', '2', '--max-run-time', '5']),
    ).toMatchObject({
      executor: 'process',
      pool: { defaultMaxWorkers: 2, maxRunMs: 5000, messageFormat: 'python' },
    });
    expect(() => parseUpOptions(['--executor', 'vm'])).toThrow(/docker, process or auto/);
    expect(parseUpOptions(['--help'])).toBeNull();
    expect(() => parseUpOptions(['--case', 'kebab'])).toThrow(/camel or snake/);
    expect(() => parseUpOptions(['--port', '70000'])).toThrow(/65535/);
    expect(() => parseUpOptions(['--bogus'])).toThrow(/bogus/);
  });
});

describe('actorkit up, through the bin, with curl-like requests', () => {
  it('serves /actors/v2 and /v3/actors as the docs show, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorkit-up-'));
    dirs.push(dir);
    const child = spawn(
      process.execPath,
      [BIN, 'up', '--port', '0', '--data-dir', join(dir, 'data'), '--user', 'jdoe'],
      {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const deadline = Date.now() + 20_000;
    while (!/Ctrl-C stops it/.test(stdout)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`actorkit up did not start: ${stdout}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const base = /Abaco v2:\s+(\S+)\/actors\/v2/.exec(stdout)?.[1];
    const token = readFileSync(join(dir, 'data', 'token'), 'utf8').trim();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout).toContain(`Authorization: Bearer ${token}`);
    expect(stdout).toContain(`${base}/v3/actors`);
    const auth = { authorization: `Bearer ${token}` };
    for (const path of ['/actors/v2', '/v3/actors']) {
      const reg = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ image: 'abacosamples/py3_func', name: 'hello' }),
      });
      const actor = ((await reg.json()) as { result: { id: string; status: string } }).result;
      expect(actor.status).toBe('SUBMITTED');
      const list = (await (await fetch(`${base}${path}`, { headers: auth })).json()) as {
        result: { id: string }[];
      };
      expect(list.result.map((a) => a.id)).toContain(actor.id);
      const sent = await fetch(`${base}${path}/${actor.id}/messages`, {
        method: 'POST',
        headers: auth,
        body: new URLSearchParams({ message: 'hello world' }),
      });
      const { executionId } = ((await sent.json()) as { result: { executionId: string } }).result;
      const execution = (await (
        await fetch(`${base}${path}/${actor.id}/executions/${executionId}`, { headers: auth })
      ).json()) as {
        result: { status: string };
      };
      expect(execution.result.status).toBe('SUBMITTED');
    }
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).toMatch(/stopped; the store is closed/);
  });
});
