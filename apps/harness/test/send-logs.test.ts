import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Execution } from '@actorkit/api';
import {
  createExecutor,
  executorWorkerPool,
  startEmulator,
  type Executor,
  type RunningEmulator,
} from '@actorkit/emulator';
import { main } from '../src/main.js';
import { capture, cli, connection, ECHO_ACTOR, jsonOf, until } from './cli-fixture.js';

let emu: RunningEmulator;
let executor: Executor;
let c: string[];
let dir: string;
let actorId: string;

/** Messages run for real, as local processes of test/fixtures/echo-actor.mjs: no Docker. */
beforeAll(async () => {
  ({ executor } = await createExecutor('process'));
  emu = await startEmulator({ inMemory: true, executor, workerPool: executorWorkerPool() });
  c = connection(emu);
  ({ id: actorId } = await emu.client.add({
    image: 'example/echo',
    name: 'echo',
    defaultEnvironment: {
      ACTORKIT_PROCESS_COMMAND: JSON.stringify([process.execPath, ECHO_ACTOR]),
      GREETING: 'Hello',
    },
  }));
  dir = await mkdtemp(join(tmpdir(), 'actorkit-send-'));
});
afterAll(async () => {
  await emu.dispose();
  await executor[Symbol.asyncDispose]();
  await rm(dir, { recursive: true, force: true });
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
      ...c,
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
      ...c,
      '-o',
      'json',
    ]);
    const got = jsonOf<{ execution: Execution; logs: string; results: { text?: string }[] }>(r);
    expect(got.execution).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
    expect(got.logs).toContain("MSG={'name': 'Ada', 'ok': True}");
    expect(got.results).toEqual([{ text: 'done' }]);
  });

  it('exits 1 when the actor exits non-zero, and says so', async () => {
    const r = await cli(['send', 'echo', 'x', '--env', 'ECHO_EXIT=3', '--wait', ...c]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/warning: execution \w+: COMPLETE, exit 3/);
  });

  it('sends a file as a binary message', async () => {
    const bytes = randomBytes(70_000);
    await writeFile(join(dir, 'blob.bin'), bytes);
    const r = await cli([
      'send',
      'echo',
      '--binary',
      join(dir, 'blob.bin'),
      '--env',
      'ECHO_BINARY=1',
      '--wait',
      ...c,
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
      ...c,
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
      ...c,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/answered with its first result \(10 bytes\)\nthe answer\n/);
    const logs = await cli(['send', 'echo', 'no results', '--sync', ...c]);
    expect(logs.stdout).toMatch(/answered with its logs \(it sent no result\)\nMSG=no results\n/);
    const file = join(dir, 'answer.bin');
    const written = await cli([
      'send',
      'echo',
      'q',
      '--env',
      'ECHO_RESULTS=bytes',
      '--sync',
      '--out',
      file,
      ...c,
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

describe('actorkit logs', () => {
  it("prints the latest execution's logs, or a given one's; -o json gives both", async () => {
    const sent = jsonOf<{ executionId: string }>(
      await cli(['send', 'echo', 'latest one', ...c, '-o', 'json']),
    );
    const ended = async () =>
      ['COMPLETE', 'ERROR'].includes((await emu.client.getExecution(actorId, sent.executionId)).status);
    await until('the execution to end', ended);
    const latest = await cli(['logs', 'echo', ...c]);
    expect(latest.stdout).toMatch(
      new RegExp(
        `── execution ${sent.executionId} of echo .*: COMPLETE, exit 0, \\d+ ms\\nMSG=latest one\\n`,
      ),
    );
    const json = jsonOf<{ execution: Execution; logs: string }>(
      await cli(['logs', 'echo', sent.executionId, ...c, '--json']),
    );
    expect(json.execution.id).toBe(sent.executionId);
    expect(json.logs).toContain('MSG=latest one');
  });

  it('--follow prints the log while it grows, each line once, then the status', async () => {
    const { executionId } = await emu.client.sendMessage(actorId, 'follow me', {
      ECHO_LINES: '8',
      ECHO_GAP_MS: '150',
    });
    const captured = capture();
    const following = main(['logs', 'echo', executionId, '--follow', ...c], captured.out);
    await until('the first line', async () => captured.text.out.includes('line 1\n'));
    expect((await emu.client.getExecution(actorId, executionId)).status).toBe('RUNNING');
    expect(await following).toBe(0);
    const text = captured.text.out;
    expect(text).toMatch(/MSG=follow me\nGREETING=Hello\nline 1\n/);
    for (let i = 1; i <= 8; i++) expect(text.split(`line ${i}\n`)).toHaveLength(2);
    expect(text).toMatch(/line 8\n── COMPLETE, exit 0, \d+ ms\n$/);
  });
});

describe('actorkit executions', () => {
  it('shows status, exit code and run time of each', async () => {
    const r = await cli(['executions', 'echo', '--limit', '100', ...c]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\w+\s+COMPLETE\s+3\s+\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    expect(r.stdout).toMatch(/\w+\s+COMPLETE\s+0\s+\d+\s/);
    const json = jsonOf<{ summary: { totalExecutions: number }; executions: Execution[] }>(
      await cli(['executions', 'echo', ...c, '--json']),
    );
    expect(json.executions.length).toBe(Math.min(20, json.summary.totalExecutions));
    expect(json.executions.some((e) => e.exitCode === 3)).toBe(true);
  });
});
