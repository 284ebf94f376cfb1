import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Execution } from '@actorkit/api';
import { main } from '../src/main.js';
import { capture, cli, jsonOf, until } from './cli-fixture.js';
import { ECHO_ENVIRONMENT, useEmulator } from './emulator-fixture.js';

/** Messages run for real, as local processes of test/fixtures/echo-actor.mjs: no Docker. */
const s = useEmulator({ run: true });
let echo: Actor;
beforeAll(async () => {
  echo = await s.emu.client.add({
    image: 'example/echo',
    name: 'echo',
    defaultEnvironment: ECHO_ENVIRONMENT,
  });
});

describe('actorkit logs', () => {
  it("prints the latest execution's logs, or a given one's; -o json gives both", async () => {
    const sent = jsonOf<{ executionId: string }>(
      await cli(['send', 'echo', 'latest one', ...s.c, '-o', 'json']),
    );
    const ended = async () =>
      ['COMPLETE', 'ERROR'].includes((await s.emu.client.getExecution(echo.id, sent.executionId)).status);
    await until('the execution to end', ended);
    const latest = await cli(['logs', 'echo', ...s.c]);
    expect(latest.stdout).toMatch(
      new RegExp(
        `── execution ${sent.executionId} of echo .*: COMPLETE, exit 0, \\d+ ms\\nMSG=latest one\\n`,
      ),
    );
    const json = jsonOf<{ execution: Execution; logs: string }>(
      await cli(['logs', 'echo', sent.executionId, ...s.c, '--json']),
    );
    expect(json.execution.id).toBe(sent.executionId);
    expect(json.logs).toContain('MSG=latest one');
  });

  it('--follow prints the log while it grows, each line once, then the status', async () => {
    const { executionId } = await s.emu.client.sendMessage(echo.id, 'follow me', {
      ECHO_LINES: '8',
      ECHO_GAP_MS: '150',
    });
    const captured = capture();
    const following = main(['logs', 'echo', executionId, '--follow', ...s.c], captured.out);
    await until('the first line', async () => captured.text.out.includes('line 1\n'));
    expect((await s.emu.client.getExecution(echo.id, executionId)).status).toBe('RUNNING');
    expect(await following).toBe(0);
    const text = captured.text.out;
    expect(text).toMatch(/MSG=follow me\nGREETING=Hello\nline 1\n/);
    for (let i = 1; i <= 8; i++) expect(text.split(`line ${i}\n`)).toHaveLength(2);
    expect(text).toMatch(/line 8\n── COMPLETE, exit 0, \d+ ms\n$/);
  });
});

describe('actorkit executions', () => {
  it('shows status, exit code and run time of each', async () => {
    expect((await cli(['send', 'echo', 'fails', '--env', 'ECHO_EXIT=3', '--wait', ...s.c])).code).toBe(1);
    const r = await cli(['executions', 'echo', '--limit', '100', ...s.c]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\w+\s+COMPLETE\s+3\s+\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    expect(r.stdout).toMatch(/\w+\s+COMPLETE\s+0\s+\d+\s/);
    const json = jsonOf<{ summary: { totalExecutions: number }; executions: Execution[] }>(
      await cli(['executions', 'echo', ...s.c, '--json']),
    );
    expect(json.executions.length).toBe(Math.min(20, json.summary.totalExecutions));
    expect(json.executions.some((e) => e.exitCode === 3)).toBe(true);
  });
});
