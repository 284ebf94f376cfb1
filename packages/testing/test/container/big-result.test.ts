import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DockerImageClient, LOCAL_BASE_IMAGE } from '@actorkit/docker';
import { checkEngine, containerActor, type ContainerTier } from '../../src/containers.js';
import { BIG_RESULT_DIR } from './probe-tier.js';

const engine = await checkEngine();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(engine.skip)(engine.title('a real container from the local base image'), () => {
  let tier: ContainerTier;
  beforeAll(async () => {
    engine.require();
    tier = await containerActor(BIG_RESULT_DIR, { emulator: inject('actorkitEmulator') });
  });
  afterAll(async () => tier?.dispose());

  it('reads a binary message with the runtime and sends a 131,072-byte result that arrives whole', async () => {
    expect(tier.imageNote).toContain(LOCAL_BASE_IMAGE);
    const base = await new DockerImageClient().inspect(LOCAL_BASE_IMAGE);
    expect(base?.labels['org.actorkit.base-image']).toBe('true');
    const message = new Uint8Array(randomBytes(131_072));
    const expected = message.map((byte) => byte ^ 0x5a);

    const run = await tier.invoke({ binary: message });

    expect(run.exitCode).toBe(0);
    expect(run.results).toHaveLength(2);
    expect(run.results[0]!.byteLength).toBe(131_072);
    expect(sha256(run.results[0]!)).toBe(sha256(expected));
    // the FROM scratch base: node and its libraries, no shell
    expect(JSON.parse(run.resultsText[1]!)).toEqual({ read: 131_072, node: process.version, shell: false });
    expect(run.logs).toMatch(/^read 131072 bytes; sending 131072\n/);
  });
});
