import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@actorkit/api';
import { cli, jsonOf } from './cli-fixture.js';
import { useEmulator } from './emulator-fixture.js';

const s = useEmulator();
let stateful: Actor;
let stateless: Actor;
beforeAll(async () => {
  stateful = await s.emu.client.add({ image: 'example/counter', name: 'counter', stateless: false });
  stateless = await s.emu.client.add({ image: 'example/hello', name: 'hello' });
});

describe('actorkit actors', () => {
  it('lists the actors as a table, and as the raw API objects with --json and -o json', async () => {
    const table = await cli(['actors', ...s.c]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+STATUS\s+REV\s+UPDATED\s+IMAGE/);
    expect(table.stdout).toMatch(new RegExp(`${stateful.id}\\s+counter\\s+SUBMITTED\\s+1\\s`));
    for (const flag of [['--json'], ['-o', 'json']]) {
      const listed = jsonOf<Actor[]>(await cli(['actors', ...s.c, ...flag]));
      expect(listed.map((a) => a.id).sort()).toEqual([stateful.id, stateless.id].sort());
    }
    const v3 = jsonOf<Actor[]>(await cli(['actors', ...s.c, '--flavour', 'v3', '--json']));
    expect(v3).toHaveLength(2);
  });

  it('reads the token `actorkit up` saved in --data-dir when no token is given', async () => {
    await mkdir(join(s.dir, 'data'), { recursive: true });
    await writeFile(join(s.dir, 'data', 'token'), `${s.emu.token}\n`);
    const r = await cli(['actors', '--api', s.emu.url, '--data-dir', join(s.dir, 'data'), '--json']);
    expect(r.code).toBe(0);
    expect(jsonOf<Actor[]>(r)).toHaveLength(2);
  });
});

describe('which actor <actor> means', () => {
  it('takes an id, an alias, an actor name, or an actor folder the dev loop registered', async () => {
    await s.emu.client.addAlias({ alias: 'the-counter', actorId: stateful.id });
    const folder = join(s.dir, 'my-counter');
    await mkdir(join(folder, '.actorkit'), { recursive: true });
    await writeFile(join(folder, 'actor.json'), JSON.stringify({ name: 'not-registered-under-this-name' }));
    await writeFile(
      join(folder, '.actorkit', 'dev.json'),
      JSON.stringify({ [`${s.emu.url}/actors/v2`]: { actorId: stateful.id } }),
    );
    const named = join(s.dir, 'hello-folder');
    await mkdir(named);
    await writeFile(join(named, 'actor.json'), JSON.stringify({ name: 'hello' }));
    for (const ref of [stateful.id, 'the-counter', 'counter', folder]) {
      const r = await cli(['state', ref, ...s.c, '--json']);
      expect(r.code, `${ref}: ${r.stderr}`).toBe(0);
    }
    const byFolderName = await cli(['workers', named, ...s.c, '--json']);
    expect(byFolderName.code, byFolderName.stderr).toBe(0);
  });

  it('says when no actor matches, or when a name is ambiguous (exit 1)', async () => {
    const unknown = await cli(['state', 'nobody-by-this-name', ...s.c]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /no actor with the id, alias or name "nobody-by-this-name".*actorkit actors/,
    );
    const twin = await s.emu.client.add({ image: 'example/hello', name: 'hello' });
    const ambiguous = await cli(['state', 'hello', ...s.c]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('2 actors are named "hello"');
    expect(ambiguous.stderr).toContain(twin.id);
    await s.emu.client.delete(twin.id);
  });
});

describe('actorkit state', () => {
  it('prints the state, replaces it from inline JSON or a file, and refuses a stateless actor', async () => {
    const set = await cli(['state', stateful.id, '--set', '{"count": 3}', ...s.c]);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/state of counter .* replaced[\s\S]*"count": 3/);
    await writeFile(join(s.dir, 'state.json'), '{"count": 7, "by": "file"}');
    expect((await cli(['state', 'counter', '--set', `@${join(s.dir, 'state.json')}`, ...s.c])).code).toBe(0);
    expect(jsonOf(await cli(['state', 'counter', ...s.c, '--json']))).toEqual({ count: 7, by: 'file' });
    expect((await s.emu.client.getState(stateful.id)).state).toEqual({ count: 7, by: 'file' });
    const refused = await cli(['state', 'hello', '--set', '{}', ...s.c]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is stateless, so it has no state to set/);
  });

  it('rejects JSON that does not parse, and a file that is not there (exit 2)', async () => {
    const bad = await cli(['state', 'counter', '--set', '{count: 3}', ...s.c]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--set: the value is not valid JSON .*actorkit state --help/);
    const missing = await cli(['state', 'counter', '--set', '@/no/such/file.json', ...s.c]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/could not be read \(ENOENT\)/);
  });
});
