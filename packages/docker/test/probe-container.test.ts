import { describe, expect, it } from 'vitest';
import { LOCAL_BASE_IMAGE } from '../src/base-image.js';
import { ACTORKIT_LABEL } from '../src/docker-client.js';
import { DockerContainerClient } from '../src/container-client.js';
import { imageRunConfig, runProbe } from '../src/probe-container.js';
import { requireEngine, skipWithoutEngine } from './engine.js';

const labels = { [ACTORKIT_LABEL]: 'true', 'org.actorkit.test': 'probe' };

describe.skipIf(skipWithoutEngine)('probe containers: a question only the image can answer', () => {
  it("reads an image's id and how it runs; null for an image that is not there", async () => {
    requireEngine();
    const config = await imageRunConfig(LOCAL_BASE_IMAGE);
    expect(config?.id).toMatch(/^sha256:/);
    expect(config?.cmd).toEqual(['node']);
    expect(await imageRunConfig('actorkit-test/not-there:never')).toBeNull();
  });

  it('runs a command in place of the entrypoint, without network, answers its output, and leaves nothing', async () => {
    const result = await runProbe({
      image: LOCAL_BASE_IMAGE,
      entrypoint: ['node'],
      cmd: [
        '-e',
        "require('dns').lookup('example.org', (e) => { console.log('PROBE', e ? e.code : 'resolved'); process.exit(3) })",
      ],
      labels,
    });
    expect(result).toMatchObject({ exitCode: 3, error: null });
    expect(result.output).toMatch(/^PROBE (EAI_AGAIN|ENOTFOUND)/m);
    expect(await new DockerContainerClient().listByLabel({ 'org.actorkit.test': 'probe' })).toEqual([]);
  });

  it('says why when the program is not in the image', async () => {
    const result = await runProbe({
      image: LOCAL_BASE_IMAGE,
      entrypoint: ['python3'],
      cmd: ['-c', '1'],
      labels,
    });
    expect(result.exitCode).toBeNull();
    expect(result.error).toMatch(/not found|no such file/i);
  });
});
