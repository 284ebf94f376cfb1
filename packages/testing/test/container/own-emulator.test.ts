import { describe, expect, it } from 'vitest';
import { checkEngine, containerActor, startEmulator, withEmulator } from '../../src/containers.js';
import { PROBE_DIR } from './probe-tier.js';

describe('an emulator of the test file’s own, with the process executor', () => {
  it('runs the bundle as a local process, with the same result shape; dispose removes what it registered', async () => {
    await withEmulator(
      async (emulator) => {
        expect(emulator.executor).toBe('process');
        await using tier = await containerActor(PROBE_DIR, { emulator });
        expect(tier.imageNote).toMatch(/the process executor runs .*actor\.mjs; no image is built/);
        const run = await tier.invoke({ message: { a: 1 }, env: { ECHO_X: 'y' } });
        expect(run.exitCode).toBe(0);
        expect(run.resultsJson()).toEqual([{ message: { a: 1 }, env: { ECHO_X: 'y' }, binaryLength: null }]);
        expect(await emulator.client.list()).toEqual([]);
      },
      { executor: 'process' },
    );
  });
});

const engine = await checkEngine();

describe.skipIf(engine.skip)(
  engine.title('an emulator of the test file’s own, with the Docker executor'),
  () => {
    it('starts, runs a message in a container, and stops with `await using`', async () => {
      engine.require();
      await using emulator = await startEmulator();
      expect(emulator.executorReason).toMatch(/Docker containers/);
      await using tier = await containerActor(PROBE_DIR, { emulator });
      const run = await tier.invoke({ binary: new Uint8Array([1, 2, 3]) });
      expect(run.resultsJson()).toEqual([{ message: null, env: {}, binaryLength: 3 }]);
    });
  },
);
