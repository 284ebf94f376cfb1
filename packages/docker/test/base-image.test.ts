import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalBaseImage, LOCAL_BASE_IMAGE } from '../src/base-image.js';
import { ACTORKIT_LABEL, dockerClient } from '../src/docker-client.js';
import { DockerImageClient } from '../src/image-client.js';
import { requireEngine, skipWithoutEngine } from './engine.js';

const TAG = 'actorkit-test/chain:latest';

describe.skipIf(skipWithoutEngine)(
  'the Docker chain: local base image -> dockerode build -> run -> output',
  () => {
    const images = new DockerImageClient();
    let context: string;

    beforeAll(async () => {
      requireEngine();
      context = await mkdtemp(join(tmpdir(), 'actorkit-chain-'));
    });
    afterAll(async () => {
      await images.remove(TAG);
      await rm(context, { recursive: true, force: true });
    });

    it('the base image is present, and a second ensure builds nothing', async () => {
      await ensureLocalBaseImage(images);
      const again = await ensureLocalBaseImage(images);
      expect(again.built).toBe(false);
      expect(again.message).toContain(process.version);
      const info = await images.inspect(LOCAL_BASE_IMAGE);
      expect(info?.labels['org.actorkit.base-image']).toBe('true');
    });

    it('builds a tiny image from it, runs it, and reads its output', async () => {
      await writeFile(
        join(context, 'hello.mjs'),
        'console.log(JSON.stringify({ node: process.version, msg: process.env.MSG }));\n',
      );
      await writeFile(
        join(context, 'Dockerfile'),
        `FROM ${LOCAL_BASE_IMAGE}\nCOPY hello.mjs /app/\nCMD ["node", "/app/hello.mjs"]\n`,
      );
      const built = await images.build(context, { tag: TAG, src: ['Dockerfile', 'hello.mjs'] });
      expect(built.tags).toContain(TAG);

      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const [result, container] = await dockerClient().run(TAG, [], out, {
        Env: ['MSG=hello from the chain'],
        Labels: { [ACTORKIT_LABEL]: 'true' },
        HostConfig: { NetworkMode: 'host', AutoRemove: false },
      });
      await container.remove({ force: true });
      expect(result.StatusCode).toBe(0);
      const printed = JSON.parse(Buffer.concat(chunks).toString('utf8').trim()) as {
        node: string;
        msg: string;
      };
      expect(printed).toEqual({ node: process.version, msg: 'hello from the chain' });
    });
  },
);
