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
import checksum from './actor.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** What checksum does, asserted the same way whichever tier runs it. */
function checksumBehaviour(tier: () => Invoker) {
  it('answers the sha256 of the fixture the dev loop sends (computed independently with sha256sum)', async () => {
    const bytes = await readFile(new URL('../fixtures/all-bytes.bin', import.meta.url));
    const run = await tier()({ binary: new Uint8Array(bytes) });
    expect(run.exitCode).toBe(0);
    expect(run.resultsText).toEqual(['40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880']);
    expect(run.stdout).toMatch(/^sha256 of 256 bytes: 40aff2e9/);
  });

  it('handles a message larger than a pipe buffer (digest from Python hashlib)', async () => {
    const big = await tier()({ binary: new Uint8Array(1_000_000).fill(97) });
    expect(big.resultsText).toEqual(['cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0']);
  });

  it('fails with a clear error when the message is not binary', async () => {
    const run = await tier()({ message: 'not bytes' });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/the message is not binary: its content type is str/);
    expect(run.results).toEqual([]);
  });
}

describe('checksum, in process', () => {
  checksumBehaviour(() => inProcess(checksum));

  it('answers the digest of an empty message (the service refuses to send one: see below)', async () => {
    expect((await invoke(checksum, { binary: new Uint8Array(0) })).resultsText).toEqual([EMPTY_SHA256]);
  });
});

const engine = await checkEngine();

describe.skipIf(engine.skip)(engine.title('checksum, in a container through its own emulator'), () => {
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

  checksumBehaviour(() => inContainer(tier));

  it('cannot be sent an empty binary message: the service refuses it', async () => {
    await expect(tier.invoke({ binary: new Uint8Array(0) })).rejects.toThrow(/the binary message is empty/);
  });
});
