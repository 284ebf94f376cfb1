import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inProcess, type Invoker } from '../../src/index.js';
import { checkEngine, containerActor, inContainer, type ContainerTier } from '../../src/containers.js';
import probe from '../fixtures/probe/src/actor.js';
import { PROBE_DIR } from './probe-tier.js';

/** The same assertions, whichever tier runs the probe. */
function probeBehaviour(run: () => Invoker) {
  it('delivers str, JSON (a JSON string too) and binary messages, and env as variables', async () => {
    const text = await run()({
      message: 'hi there',
      actorName: 'probe',
      env: { ECHO_GREETING: 'hello', ECHO_N: 3 },
    });
    expect(text.exitCode).toBe(0);
    expect(text.resultsJson()).toEqual([
      { message: 'hi there', env: { ECHO_GREETING: 'hello', ECHO_N: '3' }, binaryLength: null },
    ]);
    expect(text.stdout).toMatch(
      /^content type str from testuser\n\[actorkit\] execution \w+ of probe done in \d+ ms/,
    );
    const message = { name: 'Zoë\'s "café" 😀', lines: 'a\nb\\c', n: [1, 2.5, -3e-7], ok: true, none: null };
    expect((await run()({ message })).resultsJson()).toEqual([{ message, env: {}, binaryLength: null }]);
    const quoted = await run()({ message: 'quoted', contentType: 'application/json' });
    expect(quoted.logs).toMatch(/content type application\/json/);
    expect(quoted.resultsJson()).toEqual([{ message: 'quoted', env: {}, binaryLength: null }]);
    const bytes = await run()({ binary: new Uint8Array(70_000).fill(7) });
    expect(bytes.resultsJson()).toEqual([{ message: null, env: {}, binaryLength: 70_000 }]);
  });

  it('starts from the given state and reports the stored one', async () => {
    const counted = await run()({
      message: 'x',
      state: { n: 41 },
      stateless: false,
      env: { PROBE_COUNT: 1 },
    });
    expect(counted).toMatchObject({ exitCode: 0, state: { n: 42 }, stateUpdates: [{ n: 42 }] });
    const untouched = await run()({ message: 'x', state: { n: 5 }, stateless: false });
    expect(untouched).toMatchObject({ state: { n: 5 }, stateUpdates: [] });
  });

  it('reports a failing handler with exit code 1 and the error in the logs', async () => {
    const failed = await run()({ env: { PROBE_FAIL: 1 } });
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toMatch(/failed \(exit 1, \d+ ms\): Error: asked to fail in \w+\n/);
    expect(failed.results).toEqual([]);
  });

  it("fails to store state for a stateless actor, with the service's answer", async () => {
    // in process an actor is stateful unless told; in a container actor.json decides (the probe's says stateless)
    const counted = await run()({ env: { PROBE_COUNT: 1 }, stateless: true });
    expect(counted.exitCode).toBe(1);
    expect(counted.stderr).toMatch(/\(404\): actor is stateless\./);
  });

  it('records the nonces made and deleted', async () => {
    const made = await run()({ env: { PROBE_NONCES: 1 }, nonces: [{ maxUses: 5 }] });
    expect(made.exitCode).toBe(0);
    expect(made.noncesDeleted).toHaveLength(1);
    expect(made.noncesCreated).toHaveLength(1);
    expect(made.noncesCreated[0]).toMatchObject({
      owner: 'testuser',
      level: 'READ',
      maxUses: 2,
      remainingUses: 2,
    });
  });
}

describe('the probe in process', () => {
  probeBehaviour(() => inProcess(probe));
});

const engine = await checkEngine();
describe.skipIf(engine.skip)(engine.title('the probe in a container, with the same assertions'), () => {
  let tier: ContainerTier;
  beforeAll(async () => {
    engine.require();
    tier = await containerActor(PROBE_DIR, { emulator: inject('actorkitEmulator') });
  });
  afterAll(async () => tier?.dispose());

  probeBehaviour(() => inContainer(tier));
});
