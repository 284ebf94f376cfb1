import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../../src/executor/create-executor.js';
import { startEmulator, type RunningEmulator } from '../../src/start-emulator.js';
import type { GatewayStatus } from '../../src/gateway/api-gateway.js';
import { executorWorkerPool } from '../../src/workers/executor-pool-factory.js';
import { requireEngine, skipWithoutEngine } from '../docker/engine.js';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';

async function until<T>(check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(skipWithoutEngine)('a message through the API, the worker pool and a real container', () => {
  let emu: RunningEmulator;
  let gateway: Promise<GatewayStatus>;
  beforeAll(async () => {
    requireEngine();
    await buildFixtureImages();
    const { executor } = await createExecutor('docker');
    // the API gateway is on by default; another emulator of this run may hold port 443, so learn what it did
    let told: (status: GatewayStatus) => void = () => undefined;
    gateway = new Promise((resolve) => (told = resolve));
    emu = await startEmulator({
      inMemory: true,
      executor,
      workerPool: executorWorkerPool({ gateway: { onStatus: (status) => told(status) } }),
    });
  });
  afterAll(async () => emu?.dispose());

  it('registers, turns READY, runs a message to COMPLETE with its logs and results', async () => {
    const actor = await emu.client.add({
      image: ACTOR_IMAGE,
      name: 'smoke',
      defaultEnvironment: { FIXTURE_ECHO: '1' },
    });
    expect(actor.status).toBe('SUBMITTED');
    await until(async () => ((await emu.client.get(actor.id)).status === 'READY' ? true : undefined));
    const { executionId } = await emu.client.sendMessage(actor.id, 'hello container', {
      FIXTURE_RESULTS: '5',
    });
    const done = await until(async () => {
      const e = await emu.client.getExecution(actor.id, executionId);
      return e.status === 'COMPLETE' || e.status === 'ERROR' ? e : undefined;
    });
    expect(done).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
    const { logs } = await emu.client.getExecutionLogs(actor.id, executionId);
    const printed = JSON.parse(logs.split('\n').find((l) => l.startsWith('{'))!) as {
      env: Record<string, string>;
    };
    expect(printed.env.MSG).toBe('hello container');
    expect(printed.env._abaco_execution_id).toBe(executionId);
    const status = await gateway;
    expect(printed.env._abaco_api_server).toBe(status.state === 'up' ? 'https://localhost' : emu.url);
    const result = await emu.client.getOneExecutionResult(actor.id, executionId);
    expect(result.byteLength).toBe(5);
  });
});
