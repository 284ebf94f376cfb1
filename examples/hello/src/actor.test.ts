import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcess, invoke, type Invoker } from '@actorkit/testing';
import {
  checkEngine,
  containerActor,
  inContainer,
  startEmulator,
  type ContainerTier,
  type TestEmulator,
} from '@actorkit/testing/containers';
import hello from './actor.js';

/** What hello does, asserted the same way whichever tier runs it. */
function helloBehaviour(tier: () => Invoker) {
  it('greets the name in the message', async () => {
    const run = await tier()({ message: 'Ada', env: { GREETING: 'Hello' } });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Hello, Ada!\n/);
    expect(run.results).toEqual([]);
  });

  it('uses the greeting a message parameter gives, and greets the world when no name is given', async () => {
    const run = await tier()({ message: '  ', env: { GREETING: 'Bonjour' } });
    expect(run.stdout).toMatch(/^Bonjour, world!\n/);
  });

  it('refuses a JSON message, exiting 2 with the reason', async () => {
    const run = await tier()({ message: { name: 'Ada' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /the message does not match the actor's message schema:\n {2}- \(root\): .*expected string/,
    );
  });

  it('greets the name in its dev-loop fixture (sent as text, trailing newline dropped)', async () => {
    const text = (await readFile(new URL('../fixtures/ada.txt', import.meta.url), 'utf8')).replace(/\n$/, '');
    expect((await tier()({ message: text, env: { GREETING: 'Bonjour' } })).stdout).toMatch(
      /^Bonjour, Ada!\n/,
    );
  });
}

describe('hello, in process', () => {
  helloBehaviour(() => inProcess(hello));

  it('says Hello without any defaultEnvironment', async () => {
    expect((await invoke(hello, { message: 'Grace' })).stdout).toMatch(/^Hello, Grace!\n/);
  });
});

const engine = await checkEngine();

describe.skipIf(engine.skip)(engine.title('hello, in a container through its own emulator'), () => {
  let emulator: TestEmulator;
  let tier: ContainerTier;
  beforeAll(async () => {
    engine.require();
    emulator = await startEmulator();
    tier = await containerActor(fileURLToPath(new URL('..', import.meta.url)), { emulator });
  });
  afterAll(async () => {
    await tier?.dispose();
    await emulator?.dispose();
  });

  helloBehaviour(() => inContainer(tier));

  it('greets with the defaultEnvironment of actor.json when the message gives no greeting', async () => {
    expect((await tier.invoke({ message: 'Grace' })).stdout).toMatch(/^Hello, Grace!\n/);
  });
});
