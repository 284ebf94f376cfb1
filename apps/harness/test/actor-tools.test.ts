import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, ActorNonce, ActorWorker } from '@actorkit/api';
import { cli, jsonOf } from './cli-fixture.js';
import { useEmulator } from './emulator-fixture.js';

const s = useEmulator();
let stateless: Actor;
beforeAll(async () => {
  await s.emu.client.add({ image: 'example/counter', name: 'counter', stateless: false });
  stateless = await s.emu.client.add({ image: 'example/hello', name: 'hello' });
});

describe('actorkit nonces and workers', () => {
  it('creates, lists and deletes nonces', async () => {
    const made = jsonOf<ActorNonce>(
      await cli([
        'nonces',
        'hello',
        '--create',
        '--level',
        'read',
        '--max-uses',
        '3',
        '--description',
        'web form',
        ...s.c,
        '--json',
      ]),
    );
    expect(made).toMatchObject({ level: 'READ', maxUses: 3, description: 'web form' });
    const listed = await cli(['nonces', 'hello', ...s.c]);
    expect(listed.stdout).toMatch(new RegExp(`${made.id}\\s+READ\\s+0/3\\s+3\\s`));
    const text = await cli(['nonces', 'hello', '--create', ...s.c]);
    expect(text.stdout).toMatch(/nonce \S+ for hello .*: EXECUTE, unlimited uses[\s\S]*\?x-nonce=/);
    expect((await cli(['nonces', 'hello', '--delete', made.id, ...s.c])).stdout).toContain(
      `nonce ${made.id} of hello`,
    );
    expect((await s.emu.client.listNonces(stateless.id)).map((n) => n.id)).not.toContain(made.id);
    const bad = await cli(['nonces', 'hello', '--create', '--max-uses', '0', ...s.c]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-uses must be -1 \(unlimited\) or a positive whole number/);
  });

  it('adds workers, lists them and deletes one', async () => {
    const added = await cli(['workers', 'hello', '--add', '2', ...s.c]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/hello .* has 2 workers \(asked for at least 2\)[\s\S]*REQUESTED/);
    const list = jsonOf<ActorWorker[]>(await cli(['workers', 'hello', ...s.c, '--json']));
    expect(list).toHaveLength(2);
    expect((await cli(['workers', 'hello', '--delete', list[0]!.id, ...s.c])).code).toBe(0);
    expect(await s.emu.client.listWorkers(stateless.id)).toHaveLength(1);
    // as the service does: an admin's explicit request adds workers to a stateful actor too
    const stateful = await cli(['workers', 'counter', '--add', '2', ...s.c]);
    expect(stateful.code).toBe(0);
    expect(stateful.stdout).toMatch(/counter .* has 2 workers \(asked for at least 2\)/);
  });
});

describe('actorkit send and executions without an executor', () => {
  it('queues messages and says what to run next; executions lists them, the latest by default', async () => {
    const sent = await cli(['send', 'hello', 'Ada', '--env', 'GREETING=Bonjour', ...s.c]);
    expect(sent.code).toBe(0);
    const id = /execution (\w+)/.exec(sent.stdout)?.[1];
    expect(sent.stdout).toContain(`actorkit logs hello ${id} --follow`);
    const json = jsonOf<{ executionId: string; msg: string }>(
      await cli(['send', 'hello', '--json', '{"k": [1, 2]}', ...s.c, '-o', 'json']),
    );
    expect(json.executionId).toMatch(/^\w+$/);
    expect((await s.emu.client.getMessages(stateless.id)).messages).toBe(2);
    const table = await cli(['executions', 'hello', ...s.c]);
    expect(table.stdout).toMatch(/hello .*: 2 executions/);
    expect(table.stdout).toMatch(new RegExp(`${id}\\s+SUBMITTED\\s+-\\s+0\\s`));
    const latest = await cli(['executions', 'hello', '--limit', '1', ...s.c]);
    expect(latest.stdout).toContain(json.executionId);
    expect(latest.stdout).not.toContain(id);
    expect(latest.stdout).toContain('showing 2-2 of 2');
    const logs = await cli(['logs', 'hello', ...s.c]);
    expect(logs.stdout).toMatch(
      new RegExp(`execution ${json.executionId} of hello .*: SUBMITTED[\\s\\S]*--follow`),
    );
  });

  it('says there is nothing to show for an actor with no executions', async () => {
    const r = await cli(['logs', 'counter', ...s.c]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /actor counter has no executions yet; send it a message with `actorkit send counter <message>`/,
    );
  });
});
