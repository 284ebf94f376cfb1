import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTORKIT_INSTANCE_LABEL,
  ACTORKIT_LABEL,
  DockerContainerClient,
  LOCAL_BASE_IMAGE,
} from '@actorkit/docker';
import { requireEngine, skipWithoutEngine } from '../../test/docker/engine.js';
import { ApiGateway, GATEWAY_LABEL, type GatewayStatus } from './api-gateway.js';

const containers = new DockerContainerClient();

/** A free port on 127.0.0.1 (the gateway listens on another port than 443 here, so tests never contend for it). */
async function freePort(): Promise<number> {
  const server = createNetServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** An upstream that answers with what it got: method, path, Host and the body's length. */
async function echoServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => (size += chunk.length));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, path: req.url, host: req.headers.host, size }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A request through the gateway as a container makes it: https://localhost:<port>, verified against `ca`. */
function call(
  port: number,
  ca: string,
  path: string,
  body?: Buffer,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: 'localhost', port, path, method: body ? 'POST' : 'GET', ca, headers: { host: 'localhost' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function until<T>(what: string, check: () => Promise<T | null> | T | null, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skipWithoutEngine)('the API gateway container', () => {
  let dataDir: string;
  let upstream: { server: Server; url: string };

  beforeAll(async () => {
    requireEngine();
    dataDir = await mkdtemp(join(tmpdir(), 'actorkit-gateway-test-'));
    upstream = await echoServer();
  });
  afterAll(async () => {
    upstream?.server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('terminates TLS for localhost and passes requests, Host and bodies to the emulator; stop removes it', async () => {
    const port = await freePort();
    const statuses: GatewayStatus[] = [];
    const gateway = new ApiGateway(
      { upstream: () => upstream.url, dataDir },
      { port, onStatus: (s) => statuses.push(s) },
    );
    try {
      const status = await gateway.start();
      expect(status.state, status.message).toBe('up');
      expect(gateway.apiServer).toBe('https://localhost');
      const tls = gateway.tlsFiles!;
      expect(tls.caKey).toBe(join(dataDir, 'tls', 'ca.key'));

      const got = await call(port, tls.caPem, '/actors/v2/abc/messages?x=1', Buffer.alloc(3_000_000, 7));
      expect(got).toEqual({
        status: 200,
        json: { method: 'POST', path: '/actors/v2/abc/messages?x=1', host: 'localhost', size: 3_000_000 },
      });

      const mine = (await containers.listByLabel({ [GATEWAY_LABEL]: '' })).filter(
        (c) => c.labels[ACTORKIT_INSTANCE_LABEL] === gateway.labels[ACTORKIT_INSTANCE_LABEL],
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]?.labels[ACTORKIT_LABEL]).toBe('true');
    } finally {
      await gateway.stop();
    }
    const left = (await containers.listByLabel({ [GATEWAY_LABEL]: '' })).filter(
      (c) => c.labels[ACTORKIT_INSTANCE_LABEL] === gateway.labels[ACTORKIT_INSTANCE_LABEL],
    );
    expect(left).toEqual([]);
    expect(statuses.map((s) => s.state)).toEqual(['up']);
  });

  it('answers 502 with the reason when the emulator does not answer', async () => {
    const port = await freePort();
    const gone = `http://127.0.0.1:${await freePort()}`;
    const gateway = new ApiGateway({ upstream: () => gone, dataDir }, { port });
    try {
      expect((await gateway.start()).state).toBe('up');
      const got = await call(port, gateway.tlsFiles!.caPem, '/actors/v2');
      expect(got.status).toBe(502);
      expect(got.json.message).toMatch(/could not reach the emulator at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    } finally {
      await gateway.stop();
    }
  });

  it('when the port is taken: unavailable, the emulator URL for containers, and a message that says what to do', async () => {
    const holder = createNetServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const port = (holder.address() as AddressInfo).port;
    const gateway = new ApiGateway({ upstream: () => upstream.url, dataDir }, { port });
    try {
      const status = await gateway.start();
      expect(status.state).toBe('unavailable');
      expect(status.message).toContain(`port ${port} on 127.0.0.1 is taken by another program`);
      expect(status.message).toContain(`sudo ss -ltnp 'sport = :${port}'`);
      expect(status.message).toContain(`Containers reach the API at ${upstream.url} instead`);
      expect(status.message).toMatch(/agavepy/);
      expect(gateway.apiServer).toBe(upstream.url);
    } finally {
      await gateway.stop();
      holder.close();
    }
  });

  it("removes a gateway whose emulator died, and names a live one's emulator when it holds the port", async () => {
    const port = await freePort();
    const live = new ApiGateway({ upstream: () => upstream.url, dataDir }, { port });
    const dead = await containers.create({
      image: LOCAL_BASE_IMAGE,
      cmd: ['node', '-e', 'setTimeout(() => {}, 60000)'],
      env: {},
      labels: { [ACTORKIT_LABEL]: 'true', [ACTORKIT_INSTANCE_LABEL]: 'gw-crashed', [GATEWAY_LABEL]: 'true' },
      binds: [],
    });
    await containers.start(dead);
    try {
      expect((await live.start()).state).toBe('up');
      expect(await containers.inspect(dead)).toBeNull(); // its owner (gw-crashed) has no live process
      const second = new ApiGateway({ upstream: () => 'http://127.0.0.1:1', dataDir }, { port });
      const status = await second.start();
      await second.stop();
      expect(status.state).toBe('unavailable');
      expect(status.message).toContain(
        `held by the gateway of another ActorKit emulator that is running (the one at ${upstream.url})`,
      );
    } finally {
      await containers.remove(dead);
      await live.stop();
    }
  });

  it('starts again when its container is removed from outside, saying so both times', async () => {
    const port = await freePort();
    const statuses: GatewayStatus[] = [];
    const gateway = new ApiGateway(
      { upstream: () => upstream.url, dataDir },
      { port, onStatus: (s) => statuses.push(s) },
    );
    try {
      expect((await gateway.start()).state).toBe('up');
      const [mine] = (await containers.listByLabel({ [GATEWAY_LABEL]: '' })).filter(
        (c) => c.labels[ACTORKIT_INSTANCE_LABEL] === gateway.labels[ACTORKIT_INSTANCE_LABEL],
      );
      await containers.remove(mine!.id);
      await until('the gateway back up', () => (statuses.length >= 3 ? statuses : null));
      expect(statuses.map((s) => s.state)).toEqual(['up', 'unavailable', 'up']);
      expect(statuses[1]?.message).toMatch(/the gateway container stopped .*; starting it again/);
      expect((await call(port, gateway.tlsFiles!.caPem, '/again')).json.path).toBe('/again');
    } finally {
      await gateway.stop();
    }
  });

  it('an emulator in memory keeps its CA in a temporary directory, removed when it stops', async () => {
    const port = await freePort();
    const gateway = new ApiGateway({ upstream: () => upstream.url, dataDir: null }, { port });
    expect((await gateway.start()).state).toBe('up');
    const dir = gateway.tlsFiles!.dir;
    expect(existsSync(join(dir, 'ca.key'))).toBe(true);
    await gateway.stop();
    expect(existsSync(dir)).toBe(false);
  });
});
