/**
 * py-counter in Docker, through the emulator and its API gateway: the actor calls the API exactly as agavepy does
 * (https://<netloc>/actors/v2, the token only without a port, TLS verified with certifi's bundle), and as tapipy does
 * (the full base URL, REQUESTS_CA_BUNDLE). Without the gateway the same actor cannot reach the API: the last test
 * shows it, so these tests fail if the gateway breaks.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorsClient, Execution } from '@actorkit/api';
import { DockerImageClient, PYTHON_BASE_IMAGE, pingEngine } from '@actorkit/docker';
import {
  createExecutor,
  executorWorkerPool,
  startEmulator,
  type Executor,
  type RunningEmulator,
} from '@actorkit/emulator';

const IMAGE = 'actorkit-example/py-counter:latest';
const PIP_CERTIFI_IMAGE = 'actorkit-example/py-counter-pip-certifi:latest';
const folder = fileURLToPath(new URL('..', import.meta.url));

const images = new DockerImageClient();
const engine = await pingEngine(10_000);
const base = engine.ok ? await images.inspect(PYTHON_BASE_IMAGE) : null;
const missing = !engine.ok
  ? `these tests need a Docker engine: ${engine.message}`
  : !base
    ? `these tests need ${PYTHON_BASE_IMAGE}: build it with \`npm run base-image -- --python\` (as root, with debootstrap)`
    : null;
// In CI a missing engine or base image is a failure, never a silent skip.
const skip = missing !== null && process.env.CI !== 'true';
const title = (name: string) => (skip ? `${name} (skipped: ${missing})` : name);

interface GatewayStatusLike {
  state: string;
  message: string;
  apiServer?: string;
}

/** An emulator with the Docker executor; `gateway` as executorWorkerPool takes it. */
async function emulatorWith(gateway: boolean): Promise<{
  emu: RunningEmulator;
  executor: Executor;
  status: Promise<GatewayStatusLike>;
}> {
  const { executor } = await createExecutor('docker');
  let told: (s: GatewayStatusLike) => void = () => undefined;
  const status = new Promise<GatewayStatusLike>((resolve) => (told = resolve));
  const emu = await startEmulator({
    inMemory: true,
    executor,
    workerPool: executorWorkerPool({ maxRunMs: 120_000, gateway: gateway ? { onStatus: told } : false }),
  });
  if (!gateway) told({ state: 'off', message: 'off, as asked' });
  return { emu, executor, status };
}

async function finished(client: ActorsClient, actorId: string, executionId: string): Promise<Execution> {
  let last: Execution | undefined;
  for await (const execution of client.executionUpdates(actorId, executionId, {
    until: Date.now() + 90_000,
  })) {
    last = execution;
  }
  if (!last || (last.status !== 'COMPLETE' && last.status !== 'ERROR')) {
    throw new Error(`execution ${executionId} did not end within 90 s (last: ${last?.status ?? 'none'})`);
  }
  return last;
}

async function logs(client: ActorsClient, actorId: string, executionId: string): Promise<string> {
  return (await client.getExecutionLogs(actorId, executionId)).logs ?? '';
}

async function result(client: ActorsClient, actorId: string, executionId: string): Promise<unknown> {
  return JSON.parse(Buffer.from(await client.getOneExecutionResult(actorId, executionId)).toString('utf8'));
}

describe.skipIf(skip)(title('py-counter through the gateway (https://localhost)'), () => {
  let emu: RunningEmulator;
  let executor: Executor;
  let listener: string;

  beforeAll(async () => {
    if (missing) throw new Error(missing);
    await images.build(folder, { tag: IMAGE, src: ['Dockerfile', 'actor'] });
    await images.build(folder, {
      tag: PIP_CERTIFI_IMAGE,
      src: ['test/pip-certifi', 'actor'],
      dockerfile: 'test/pip-certifi/Dockerfile',
    });
    // Only one emulator on a machine can have the gateway (port 443). Another one's, running tests of its own, is
    // waited for a while; then the point of these tests: a clear failure, not a fallback.
    const deadline = Date.now() + 180_000;
    for (;;) {
      let status: Promise<GatewayStatusLike>;
      ({ emu, executor, status } = await emulatorWith(true));
      const gateway = await status;
      if (gateway.state === 'up') break;
      await emu.dispose();
      await executor[Symbol.asyncDispose]();
      if (!/another ActorKit emulator/.test(gateway.message) || Date.now() > deadline) {
        throw new Error(`the gateway is not up: ${gateway.message}`);
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    listener = (await emu.client.add({ image: IMAGE, name: 'listener' })).id;
  });
  afterAll(async () => {
    await emu?.dispose();
    await executor?.[Symbol.asyncDispose]();
  });

  it('as agavepy: updates its state through the API and sends a message to another actor', async () => {
    const counter = (await emu.client.add({ image: IMAGE, name: 'counter', stateless: false, token: true }))
      .id;
    const first = await emu.client.sendMessage(counter, { add: 2, notify: listener });
    const run = await finished(emu.client, counter, first.executionId);
    const said = await logs(emu.client, counter, first.executionId);
    expect(run.status, said).toBe('COMPLETE');
    expect(run.exitCode, said).toBe(0);
    expect(said).toContain('tls: certifi reads /etc/ssl/certs/ca-certificates.crt; verification on');
    expect((await emu.client.getState(counter)).state).toEqual({ count: 2 });
    const answer = (await result(emu.client, counter, first.executionId)) as {
      count: number;
      notified: string;
    };
    expect(answer.count).toBe(2);

    // the other actor got the message the first one sent through the API, and ran it
    const heard = await finished(emu.client, listener, answer.notified);
    expect(heard.status).toBe('COMPLETE');
    expect(await logs(emu.client, listener, answer.notified)).toContain('heard: count is 2');

    // the state the first execution stored is what the next one starts from
    const second = await emu.client.sendMessage(counter, { add: 3 });
    expect((await finished(emu.client, counter, second.executionId)).status).toBe('COMPLETE');
    expect((await emu.client.getState(counter)).state).toEqual({ count: 5 });
  });

  it("as tapipy: the full base URL, requests' normal path (REQUESTS_CA_BUNDLE)", async () => {
    const counter = (
      await emu.client.add({ image: IMAGE, name: 'tapis-counter', stateless: false, token: true })
    ).id;
    const sent = await emu.client.sendMessage(counter, { add: 4, notify: listener, client: 'tapis' });
    const run = await finished(emu.client, counter, sent.executionId);
    expect(run.status, await logs(emu.client, counter, sent.executionId)).toBe('COMPLETE');
    expect((await emu.client.getState(counter)).state).toEqual({ count: 4 });
    const answer = (await result(emu.client, counter, sent.executionId)) as { notified: string };
    expect((await finished(emu.client, listener, answer.notified)).status).toBe('COMPLETE');
    expect(await logs(emu.client, listener, answer.notified)).toContain('heard: count is 4');
  });

  it('an image whose certifi is pip-installed (its own cacert.pem) trusts the gateway too, verification on', async () => {
    const counter = (
      await emu.client.add({ image: PIP_CERTIFI_IMAGE, name: 'pip-counter', stateless: false, token: true })
    ).id;
    const sent = await emu.client.sendMessage(counter, { add: 1 });
    const run = await finished(emu.client, counter, sent.executionId);
    const said = await logs(emu.client, counter, sent.executionId);
    expect(run.status, said).toBe('COMPLETE');
    expect(said).toContain(
      'tls: certifi reads /usr/local/lib/python3.11/dist-packages/certifi/cacert.pem; verification on',
    );
    expect((await emu.client.getState(counter)).state).toEqual({ count: 1 });
  });
});

describe.skipIf(skip)(title('py-counter without the gateway'), () => {
  it('cannot reach the API as agavepy does: https on the http port, and no token with a port', async () => {
    if (missing) throw new Error(missing);
    const { emu, executor } = await emulatorWith(false);
    try {
      const counter = (await emu.client.add({ image: IMAGE, name: 'counter', stateless: false, token: true }))
        .id;
      const sent = await emu.client.sendMessage(counter, { add: 2 });
      const run = await finished(emu.client, counter, sent.executionId);
      expect(run.exitCode).not.toBe(0);
      expect(await logs(emu.client, counter, sent.executionId)).toMatch(/SSLError|SSL|wrong version number/);
      expect((await emu.client.getState(counter)).state).toEqual({});
    } finally {
      await emu.dispose();
      await executor[Symbol.asyncDispose]();
    }
  });
});
