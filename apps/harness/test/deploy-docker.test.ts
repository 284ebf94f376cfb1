import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createExecutor,
  executorWorkerPool,
  startEmulator,
  type Executor,
  type RunningEmulator,
} from '@actorkit/emulator';
import { DockerImageClient, pingEngine } from '@actorkit/docker';
import { cli, jsonOf, ROOT, type RunResult } from './cli-fixture.js';
import { startFakeRegistry } from './fake-registry.js';

const SCRATCH = join(ROOT, '.actorkit', 'cli-tests', `deploy-docker-${process.pid}`);
const NAME = `shipped-${process.pid}`;
const project = join(SCRATCH, NAME);
const engine = await pingEngine();
const images = new DockerImageClient();
let emu: RunningEmulator;
let executor: Executor;
let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
const pushed = () => `${registry.host}/team/${NAME}:0.1.0`;

/** Without an engine, deploy must say so (exit 1) and nothing else can be checked: answers whether to go on. */
function engineAnswers(r: RunResult): boolean {
  if (engine.ok) return true;
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(
    /deploy builds the actor's image with Docker, and the Docker engine does not answer/,
  );
  return false;
}

/** A service that runs what it is given in containers: the emulator with the Docker executor. */
beforeAll(async () => {
  registry = await startFakeRegistry({ username: 'jdoe', password: 'right' });
  ({ executor } = await createExecutor('docker'));
  emu = await startEmulator({ inMemory: true, executor, workerPool: executorWorkerPool() });
  expect((await cli(['init', project])).code).toBe(0);
});
afterAll(async () => {
  await emu.dispose();
  await executor[Symbol.asyncDispose]();
  await registry.close();
  if (engine.ok)
    for (const ref of [`actorkit-dev/${NAME}:0.1.0`, `actorkit-dev/${NAME}:latest`, pushed()])
      await images.remove(ref);
  await rm(SCRATCH, { recursive: true, force: true });
});

describe('actorkit deploy with the real Docker engine', () => {
  it('type-checks, builds the image, registers it, and the service runs it; without an engine it says what to do', async () => {
    const r = await cli(['deploy', project, '--api-server', emu.url, '--token', emu.token, '--no-push']);
    if (!engineAnswers(r)) return;
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✔ no type errors\n▸ building actorkit-dev\/shipped-\d+:latest/);
    expect(r.stdout).toMatch(/✔ tagged actorkit-dev\/shipped-\d+:0\.1\.0/);
    const ref = `actorkit-dev/${NAME}:0.1.0`;
    expect((await images.inspect(ref))?.labels['org.actorkit.actor']).toBe(NAME);
    const id = /registered shipped-\d+ as a new actor: (\w+)/.exec(r.stdout)![1]!;
    expect((await emu.client.get(id)).image).toBe(ref);

    const sent = await cli([
      'send',
      id,
      '--json',
      '{"name": "Ada"}',
      '--wait',
      '--api',
      emu.url,
      '--token',
      emu.token,
      '-o',
      'json',
    ]);
    const ran = jsonOf<{
      execution: { status: string; exitCode: number };
      logs: string;
      results: { text: string }[];
    }>(sent);
    expect(ran.execution, ran.logs).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
    expect(ran.logs).toContain('Hello, Ada!');
    expect(ran.results.map((x) => JSON.parse(x.text) as unknown)).toEqual([{ greeting: 'Hello, Ada!' }]);
  }, 180_000);

  it('pushes to a registry with the login given, says why a refused push failed, and updates the actor to the pushed image', async () => {
    const args = ['deploy', project, '--api-server', emu.url, '--token', emu.token, '--no-typecheck'];
    const push = ['--registry', `${registry.host}/team`, '--registry-user', 'jdoe'];
    process.env['ACTORKIT_REGISTRY_PASSWORD'] = 'wrong';
    const refused = await cli([...args, ...push]);
    if (!engineAnswers(refused)) return;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /pushing 127\.0\.0\.1:\d+\/team\/shipped-\d+:0\.1\.0 failed: .*; check --registry and that you may push there/,
    );
    process.env['ACTORKIT_REGISTRY_PASSWORD'] = 'right';
    const r = await cli([...args, ...push]).finally(() => delete process.env['ACTORKIT_REGISTRY_PASSWORD']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /▸ pushing 127\.0\.0\.1:\d+\/team\/shipped-\d+:0\.1\.0 to 127\.0\.0\.1:\d+ as jdoe\n( {4}.*\n)*✔ pushed .* \(sha256:[a-f0-9]{64}\)/,
    );
    expect([...registry.manifests.keys()]).toEqual([`team/${NAME}:0.1.0`]);
    const [actor] = await emu.client.list();
    expect(actor).toMatchObject({ image: pushed(), revision: 2 });
  }, 180_000);
});
