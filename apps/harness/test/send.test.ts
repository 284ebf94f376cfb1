import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Execution } from '@actorkit/api';
import { cli, jsonOf } from './cli-fixture.js';
import { ECHO_ENVIRONMENT, useEmulator } from './emulator-fixture.js';

/** Messages run for real, as local processes of test/fixtures/echo-actor.mjs: no Docker. */
const s = useEmulator({ run: true });
beforeAll(async () => {
  await s.emu.client.add({
    image: 'example/echo',
    name: 'echo',
    defaultEnvironment: ECHO_ENVIRONMENT,
  });
});

describe('actorkit send --wait', () => {
  it('waits for the execution and prints its status, logs and results; --env overrides defaultEnvironment', async () => {
    const r = await cli([
      'send',
      'echo',
      'Ada',
      '--env',
      'GREETING=Bonjour',
      '--env',
      'ECHO_RESULTS=first,second',
      '--wait',
      ...s.c,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✔ execution \w+: COMPLETE, exit 0, \d+ ms/);
    expect(r.stdout).toMatch(/logs\nMSG=Ada\nGREETING=Bonjour\n/);
    expect(r.stdout).toMatch(/results \(2\)\nfirst\nsecond\n/);
  });

  it('gives the execution, logs and results as JSON with -o json, a JSON message as the service writes it', async () => {
    const r = await cli([
      'send',
      'echo',
      '--json',
      '{"name": "Ada", "ok": true}',
      '--env',
      'ECHO_RESULTS=done',
      '--wait',
      ...s.c,
      '-o',
      'json',
    ]);
    const got = jsonOf<{ execution: Execution; logs: string; results: { text?: string }[] }>(r);
    expect(got.execution).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
    expect(got.logs).toContain("MSG={'name': 'Ada', 'ok': True}");
    expect(got.results).toEqual([{ text: 'done' }]);
  });

  it('exits 1 when the actor exits non-zero, and says so', async () => {
    const r = await cli(['send', 'echo', 'x', '--env', 'ECHO_EXIT=3', '--wait', ...s.c]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/warning: execution \w+: COMPLETE, exit 3/);
  });

  it('sends a file as a binary message', async () => {
    const bytes = randomBytes(70_000);
    await writeFile(join(s.dir, 'blob.bin'), bytes);
    const r = await cli([
      'send',
      'echo',
      '--binary',
      join(s.dir, 'blob.bin'),
      '--env',
      'ECHO_BINARY=1',
      '--wait',
      ...s.c,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`binary 70000 bytes ${createHash('sha256').update(bytes).digest('hex')}`);
    expect(r.stdout).toContain('MSG=\n');
  });

  it('gives up after --timeout, saying how to look later (exit 1)', async () => {
    const r = await cli([
      'send',
      'echo',
      'slow',
      '--env',
      'ECHO_LINES=20',
      '--wait',
      '--timeout',
      '0.3',
      ...s.c,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /execution (\w+) is still (SUBMITTED|RUNNING) after 0.3 s; see it later with `actorkit logs \w+ \1`/,
    );
  });
});

describe('actorkit send --sync', () => {
  it('prints the first result, or the logs when there is none; --out writes the bytes', async () => {
    const result = await cli([
      'send',
      'echo',
      'q',
      '--env',
      'ECHO_RESULTS=the answer,second',
      '--sync',
      ...s.c,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/answered with its first result \(10 bytes\)\nthe answer\n/);
    const logs = await cli(['send', 'echo', 'no results', '--sync', ...s.c]);
    expect(logs.stdout).toMatch(/answered with its logs \(it sent no result\)\nMSG=no results\n/);
    const file = join(s.dir, 'answer.bin');
    const written = await cli([
      'send',
      'echo',
      'q',
      '--env',
      'ECHO_RESULTS=bytes',
      '--sync',
      '--out',
      file,
      ...s.c,
      '-o',
      'json',
    ]);
    expect(jsonOf(written)).toMatchObject({
      kind: 'result',
      contentType: 'application/octet-stream',
      text: 'bytes',
    });
    expect(await readFile(file, 'utf8')).toBe('bytes');
  });
});
