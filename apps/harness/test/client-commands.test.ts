import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, ActorNonce, ActorWorker } from '@actorkit/api';
import { startEmulator, type RunningEmulator } from '@actorkit/emulator';
import { cli, closedPort, connection, jsonOf } from './cli-fixture.js';

let emu: RunningEmulator;
let c: string[];
let stateful: Actor;
let stateless: Actor;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ inMemory: true, token: 'cli-test-token' });
  c = connection(emu);
  stateful = await emu.client.add({ image: 'example/counter', name: 'counter', stateless: false });
  stateless = await emu.client.add({ image: 'example/hello', name: 'hello' });
  dir = await mkdtemp(join(tmpdir(), 'actorkit-cli-'));
});
afterAll(async () => {
  await emu.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('actorkit actors', () => {
  it('lists the actors as a table, and as the raw API objects with --json and -o json', async () => {
    const table = await cli(['actors', ...c]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+STATUS\s+REV\s+UPDATED\s+IMAGE/);
    expect(table.stdout).toMatch(new RegExp(`${stateful.id}\\s+counter\\s+SUBMITTED\\s+1\\s`));
    for (const flag of [['--json'], ['-o', 'json']]) {
      const listed = jsonOf<Actor[]>(await cli(['actors', ...c, ...flag]));
      expect(listed.map((a) => a.id).sort()).toEqual([stateful.id, stateless.id].sort());
    }
    const v3 = jsonOf<Actor[]>(await cli(['actors', ...c, '--flavour', 'v3', '--json']));
    expect(v3).toHaveLength(2);
  });

  it('reads the token `actorkit up` saved in --data-dir when no token is given', async () => {
    await mkdir(join(dir, 'data'), { recursive: true });
    await writeFile(join(dir, 'data', 'token'), `${emu.token}\n`);
    const r = await cli(['actors', '--api', emu.url, '--data-dir', join(dir, 'data'), '--json']);
    expect(r.code).toBe(0);
    expect(jsonOf<Actor[]>(r)).toHaveLength(2);
  });
});

describe('which actor <actor> means', () => {
  it('takes an id, an alias, an actor name, or an actor folder the dev loop registered', async () => {
    await emu.client.addAlias({ alias: 'the-counter', actorId: stateful.id });
    const folder = join(dir, 'my-counter');
    await mkdir(join(folder, '.actorkit'), { recursive: true });
    await writeFile(join(folder, 'actor.json'), JSON.stringify({ name: 'not-registered-under-this-name' }));
    await writeFile(
      join(folder, '.actorkit', 'dev.json'),
      JSON.stringify({ [`${emu.url}/actors/v2`]: { actorId: stateful.id } }),
    );
    const named = join(dir, 'hello-folder');
    await mkdir(named);
    await writeFile(join(named, 'actor.json'), JSON.stringify({ name: 'hello' }));
    for (const ref of [stateful.id, 'the-counter', 'counter', folder]) {
      const r = await cli(['state', ref, ...c, '--json']);
      expect(r.code, `${ref}: ${r.stderr}`).toBe(0);
    }
    const byFolderName = await cli(['workers', named, ...c, '--json']);
    expect(byFolderName.code, byFolderName.stderr).toBe(0);
  });

  it('says when no actor matches, or when a name is ambiguous (exit 1)', async () => {
    const unknown = await cli(['state', 'nobody-by-this-name', ...c]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /no actor with the id, alias or name "nobody-by-this-name".*actorkit actors/,
    );
    const twin = await emu.client.add({ image: 'example/hello', name: 'hello' });
    const ambiguous = await cli(['state', 'hello', ...c]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('2 actors are named "hello"');
    expect(ambiguous.stderr).toContain(twin.id);
    await emu.client.delete(twin.id);
  });
});

describe('actorkit state', () => {
  it('prints the state, replaces it from inline JSON or a file, and refuses a stateless actor', async () => {
    const set = await cli(['state', stateful.id, '--set', '{"count": 3}', ...c]);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/state of counter .* replaced[\s\S]*"count": 3/);
    await writeFile(join(dir, 'state.json'), '{"count": 7, "by": "file"}');
    expect((await cli(['state', 'counter', '--set', `@${join(dir, 'state.json')}`, ...c])).code).toBe(0);
    expect(jsonOf(await cli(['state', 'counter', ...c, '--json']))).toEqual({ count: 7, by: 'file' });
    expect((await emu.client.getState(stateful.id)).state).toEqual({ count: 7, by: 'file' });
    const refused = await cli(['state', 'hello', '--set', '{}', ...c]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is stateless, so it has no state to set/);
  });

  it('rejects JSON that does not parse, and a file that is not there (exit 2)', async () => {
    const bad = await cli(['state', 'counter', '--set', '{count: 3}', ...c]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--set: the value is not valid JSON .*actorkit state --help/);
    const missing = await cli(['state', 'counter', '--set', '@/no/such/file.json', ...c]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/could not be read \(ENOENT\)/);
  });
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
        ...c,
        '--json',
      ]),
    );
    expect(made).toMatchObject({ level: 'READ', maxUses: 3, description: 'web form' });
    const listed = await cli(['nonces', 'hello', ...c]);
    expect(listed.stdout).toMatch(new RegExp(`${made.id}\\s+READ\\s+0/3\\s+3\\s`));
    const text = await cli(['nonces', 'hello', '--create', ...c]);
    expect(text.stdout).toMatch(/nonce \S+ for hello .*: EXECUTE, unlimited uses[\s\S]*\?x-nonce=/);
    expect((await cli(['nonces', 'hello', '--delete', made.id, ...c])).stdout).toContain(
      `nonce ${made.id} of hello`,
    );
    expect((await emu.client.listNonces(stateless.id)).map((n) => n.id)).not.toContain(made.id);
    const bad = await cli(['nonces', 'hello', '--create', '--max-uses', '0', ...c]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-uses must be -1 \(unlimited\) or a positive whole number/);
  });

  it('adds workers, lists them and deletes one', async () => {
    const added = await cli(['workers', 'hello', '--add', '2', ...c]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/hello .* has 2 workers \(asked for at least 2\)[\s\S]*REQUESTED/);
    const list = jsonOf<ActorWorker[]>(await cli(['workers', 'hello', ...c, '--json']));
    expect(list).toHaveLength(2);
    expect((await cli(['workers', 'hello', '--delete', list[0]!.id, ...c])).code).toBe(0);
    expect(await emu.client.listWorkers(stateless.id)).toHaveLength(1);
    const tooMany = await cli(['workers', 'counter', '--add', '2', ...c]);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toMatch(/stateful and has exactly one worker.*\(HTTP 400 from POST/);
  });
});

describe('actorkit send and executions without an executor', () => {
  it('queues messages and says what to run next; executions lists them, the latest by default', async () => {
    const sent = await cli(['send', 'hello', 'Ada', '--env', 'GREETING=Bonjour', ...c]);
    expect(sent.code).toBe(0);
    const id = /execution (\w+)/.exec(sent.stdout)?.[1];
    expect(sent.stdout).toContain(`actorkit logs hello ${id} --follow`);
    const json = jsonOf<{ executionId: string; msg: string }>(
      await cli(['send', 'hello', '--json', '{"k": [1, 2]}', ...c, '-o', 'json']),
    );
    expect(json.executionId).toMatch(/^\w+$/);
    expect((await emu.client.getMessages(stateless.id)).messages).toBe(2);
    const table = await cli(['executions', 'hello', ...c]);
    expect(table.stdout).toMatch(/hello .*: 2 executions/);
    expect(table.stdout).toMatch(new RegExp(`${id}\\s+SUBMITTED\\s+-\\s+0\\s`));
    const latest = await cli(['executions', 'hello', '--limit', '1', ...c]);
    expect(latest.stdout).toContain(json.executionId);
    expect(latest.stdout).not.toContain(id);
    expect(latest.stdout).toContain('showing 2-2 of 2');
    const logs = await cli(['logs', 'hello', ...c]);
    expect(logs.stdout).toMatch(
      new RegExp(`execution ${json.executionId} of hello .*: SUBMITTED[\\s\\S]*--follow`),
    );
  });

  it('says there is nothing to show for an actor with no executions', async () => {
    const r = await cli(['logs', 'counter', ...c]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /actor counter has no executions yet; send it a message with `actorkit send counter <message>`/,
    );
  });
});

describe('mistakes, and a service that is not there', () => {
  it('rejects bad command lines with exit 2 and a pointer to --help', async () => {
    const cases: [string[], RegExp][] = [
      [['send', 'hello', 'x', '--env', 'GREETING'], /--env "GREETING" is not NAME=value/],
      [['send', 'hello', 'x', '--env', 'message=hi'], /--env message=\.\.\. is not allowed/],
      [['send', 'hello', '--json', '{"a":'], /--json: the value is not valid JSON/],
      [['send', 'hello'], /give a message: text/],
      [['send', 'hello', 'x', '--json', '{}'], /give one message, not a text message and --json/],
      [['actors', '--flavour', 'v4'], /--flavour must be v2 or v3/],
      [['actors', '--token', 't', '--nonce', 'n'], /give one of --token, --jwt, --tapis-token and --nonce/],
      [['logs'], /actorkit logs takes <actor> and an optional execution id \(got none\)/],
      [['executions', 'hello', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli([...argv, ...c]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(`Run "actorkit ${argv[0]} --help"`);
    }
  });

  it('says the API is not reachable and how to start it (exit 1)', async () => {
    const port = await closedPort();
    const r = await cli(['actors', '--api', `http://127.0.0.1:${port}`, '--token', 't']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: the actors API at http://127\\.0\\.0\\.1:${port} is not reachable \\(ECONNREFUSED\\).*actorkit up`,
      ),
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it("passes on the service's own message for a refused token, with where the token came from", async () => {
    const wrong = await cli(['actors', '--api', emu.url, '--token', 'not-the-token']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/\(HTTP 401 from GET \/actors\/v2\); the credentials came from --token/);
    const none = await cli(['actors', '--api', emu.url, '--data-dir', join(dir, 'no-such-dir')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no credentials were sent: pass --token <token> or set ACTORKIT_TOKEN/);
  });
});
