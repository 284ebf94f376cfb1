import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '@actorkit/emulator';
import { engineDownMessage, type EngineHealth } from '@actorkit/docker';
import { cli, closedPort, ROOT, type RunResult } from './cli-fixture.js';
import { FakeImages } from './fake-images.js';

/** Docker, as deploy sees it: a recording fake here (test/deploy-docker.test.ts builds for real). */
const docker = vi.hoisted(() => ({ images: null as unknown, ping: null as unknown }));
vi.mock('../src/deploy/build-image.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/deploy/build-image.js')>();
  return {
    ...real,
    defaultImages: () => docker.images,
    requireEngine: () => real.requireEngine(docker.ping as () => Promise<EngineHealth>),
  };
});

/** The emulator stands in for a real service; the actor is scaffolded by `actorkit init` inside the workspace. */
const SCRATCH = join(ROOT, '.actorkit', 'cli-tests', `deploy-${process.pid}`);
const NAME = `greeter-${process.pid}`;
const project = join(SCRATCH, NAME);
let emu: RunningEmulator;
let service: string[];

beforeAll(async () => {
  emu = await startEmulator({ inMemory: true, token: 'service-token' });
  service = ['--api-server', emu.url, '--token', emu.token];
  expect((await cli(['init', project])).code).toBe(0);
});
afterAll(async () => {
  await emu.dispose();
  await rm(SCRATCH, { recursive: true, force: true });
});

/** `actorkit deploy <argv>` through the router, with Docker replaced by a fake. */
async function deploy(
  argv: string[],
  images = new FakeImages(),
  ping = async (): Promise<EngineHealth> => ({ ok: true, message: 'Docker 27' }),
): Promise<RunResult & { images: FakeImages }> {
  docker.images = images;
  docker.ping = ping;
  return { ...(await cli(['deploy', ...argv])), images };
}

describe('actorkit deploy, against the emulator standing in for a real service', () => {
  it('builds, tags and pushes the image, then registers the actor with actor.json only', async () => {
    process.env['ACTORKIT_REGISTRY_PASSWORD'] = 'registry-secret';
    const r = await deploy([
      project,
      ...service,
      '--registry',
      'localhost:5000/team',
      '--registry-user',
      'jdoe',
      '--no-typecheck',
    ]).finally(() => delete process.env['ACTORKIT_REGISTRY_PASSWORD']);
    expect(r.code, r.stderr).toBe(0);
    const ref = `localhost:5000/team/${NAME}:0.1.0`;
    expect(r.images.builds.map((b) => b.tag)).toEqual([`actorkit-dev/${NAME}:latest`]);
    expect(r.images.tags).toEqual([`actorkit-dev/${NAME}:latest -> localhost:5000/team/${NAME}:0.1.0`]);
    expect(r.images.pushes).toEqual([
      { ref, auth: { username: 'jdoe', password: 'registry-secret', serveraddress: 'localhost:5000' } },
    ]);
    expect(r.stdout).toMatch(/▸ compiling src\/actor\.ts\n✔ compiled in \d+ ms/);
    expect(r.stdout).toMatch(/▸ building .*\n {4}Step 1\/5 : ARG ACTORKIT_BASE_IMAGE=[\s\S]*✔ built sha256:/);
    expect(r.stdout).toMatch(
      /▸ pushing .* to localhost:5000 as jdoe\n {4}5f70bf18a086: Pushed\n✔ pushed .* \(sha256:feed\)/,
    );
    const id = /registered greeter-\d+ as a new actor: (\w+)/.exec(r.stdout)?.[1];
    expect(r.stdout).toContain(
      `curl -H "Authorization: Bearer $TOKEN" -d "message=hello" ${emu.url}/actors/v2/${id}/messages`,
    );
    const actor = await emu.client.get(id!);
    expect(actor).toMatchObject({ name: NAME, image: ref, stateless: true, revision: 1 });
    expect(actor.defaultEnvironment).toEqual({ GREETING: 'Hello' }); // none of the dev loop's ACTORKIT_* settings
    const record = JSON.parse(await readFile(join(project, '.actorkit', 'deploy.json'), 'utf8')) as Record<
      string,
      { actorId: string }
    >;
    expect(record[`${emu.url}/actors/v2`]?.actorId).toBe(id);
  });

  it('updates the same actor on the next deploy (a new revision), found by its record or, without one, by name', async () => {
    const [before] = await emu.client.list();
    const again = await deploy([project, ...service, '--no-push', '--tag', 'second', '--no-typecheck']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.images.pushes).toEqual([]);
    expect(again.stderr).toMatch(
      /warning: not pushed \(--no-push\): the service must be able to pull actorkit-dev\/greeter-\d+:second itself/,
    );
    expect(again.stdout).toMatch(new RegExp(`updated ${NAME} \\(${before!.id}\\): revision 1 -> 2`));
    const updated = await emu.client.get(before!.id);
    expect(updated).toMatchObject({ id: before!.id, image: `actorkit-dev/${NAME}:second`, revision: 2 });
    expect(updated.lastUpdateTime >= before!.lastUpdateTime).toBe(true);

    await rm(join(project, '.actorkit', 'deploy.json'));
    const byName = await deploy([project, ...service, '--no-push', '--no-typecheck', '--json']);
    expect(JSON.parse(byName.stdout)).toMatchObject({
      created: false,
      pushed: false,
      actor: { id: before!.id, revision: 3 },
    });
    expect(await emu.client.list()).toHaveLength(1);
  });

  it('refuses to deploy code that does not compile, or does not type-check, before building anything', async () => {
    const source = await readFile(join(project, 'src', 'actor.ts'), 'utf8');
    try {
      await writeFile(join(project, 'src', 'actor.ts'), source.replace('log(greeting);', 'log(greeting;'));
      const broken = await deploy([project, ...service, '--no-push']);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/ {4}src\/actor\.ts:\d+:\d+: /);
      expect(broken.stderr).toMatch(/greeter-\d+ does not compile \(1 error\(s\) above\)/);
      expect(broken.images.builds).toEqual([]);
      await writeFile(
        join(project, 'src', 'actor.ts'),
        source.replace('log(greeting);', 'const n: number = greeting; log(n);'),
      );
      const mistyped = await deploy([project, ...service, '--no-push']);
      expect(mistyped.code).toBe(1);
      expect(mistyped.stdout).toMatch(/src\/actor\.ts:\d+:\d+: TS2322/);
      expect(mistyped.stderr).toMatch(
        /1 type error\(s\) above; fix them \(or deploy anyway with --no-typecheck\)/,
      );
      expect(mistyped.images.builds).toEqual([]);
    } finally {
      await writeFile(join(project, 'src', 'actor.ts'), source);
    }
  }, 60_000);

  it('says what to do when Docker is not running, offering the process executor for local runs', async () => {
    const down = async () => ({
      ok: false,
      message: engineDownMessage(new Error('connect ENOENT /var/run/docker.sock')),
    });
    const r = await deploy([project, ...service, '--no-push'], new FakeImages(), down);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /deploy builds the actor's image with Docker, and the Docker engine does not answer .*ENOENT.*Start it/,
    );
    expect(r.stderr).toMatch(/`actorkit up --executor process`/);
    expect(r.images.builds).toEqual([]);
  });

  it('rejects a command line it cannot act on (exit 2) and an unreachable service (exit 1, before any build)', async () => {
    const cases: [string[], RegExp][] = [
      [[project, '--token', 't', '--no-push'], /deploy needs the service: --api-server <url>/],
      [[project, '--api-server', emu.url, '--no-push'], /deploy needs credentials that may register actors/],
      [[project, ...service], /give --registry \(e\.g\. docker\.io\/jdoe/],
      [[project, ...service, '--image', 'Team/Greeter'], /"Team\/Greeter" is not a valid image repository/],
    ];
    for (const [argv, message] of cases) {
      const r = await deploy(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const missing = await deploy([join(SCRATCH, 'nothing-here'), ...service, '--no-push']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /actor\.json could not be read \(ENOENT\); point at an actor folder, or create one with `actorkit init/,
    );
    const port = await closedPort();
    const away = await deploy([
      project,
      '--api-server',
      `http://127.0.0.1:${port}`,
      '--token',
      't',
      '--no-push',
    ]);
    expect(away.code).toBe(1);
    expect(away.stderr).toMatch(/is not reachable \(ECONNREFUSED\); check the address/);
    expect(away.images.builds).toEqual([]);
  });
});
