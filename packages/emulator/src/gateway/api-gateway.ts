import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import createDebug from 'debug';
import {
  ACTORKIT_INSTANCE_LABEL,
  ACTORKIT_LABEL,
  DockerContainerClient,
  DockerImageClient,
  LOCAL_BASE_IMAGE,
  ensureLocalBaseImage,
  pingEngine,
  type ContainerClient,
  type ImageClient,
  type LogAttachment,
} from '@actorkit/docker';
import { withDeadline } from '../executor/deadline.js';
import { DEFAULT_RUNTIME_DIR, RunDirs } from '../executor/run-dirs.js';
import { ensureTlsFiles, type TlsFiles } from './local-ca.js';
import { GATEWAY_SCRIPT } from './proxy-script.js';

const debug = createDebug('actorkit:gateway');

/** On the gateway container, beside ACTORKIT_LABEL and ACTORKIT_INSTANCE_LABEL (the gateway's own instance). */
export const GATEWAY_LABEL = 'org.actorkit.gateway';
/** The emulator URL a gateway forwards to: named when another emulator's gateway holds the port. */
export const GATEWAY_UPSTREAM_LABEL = 'org.actorkit.gateway-upstream';

/** What containers are told `_abaco_api_server` is while the gateway is up: the real service's shape. */
export const GATEWAY_API_SERVER = 'https://localhost';

export interface GatewaySettings {
  /** Where the local CA lives. Default `<dataDir>/tls`, or a temporary directory (removed at stop) in memory. */
  tlsDir?: string;
  /** The port it listens on. Default 443: agavepy never sends its token to an explicit port. */
  port?: number;
  /**
   * The executor's runtime directory, where the gateway records that this process owns it (so the executor never
   * takes a live gateway for a leftover). Default the executor's default.
   */
  runtimeDir?: string;
  /** How long the gateway may take to listen. Default 20 s (a loaded machine starts containers slowly). */
  readyTimeoutMs?: number;
  /** Told each time the gateway's state changes: up, unavailable (with why, and what it means), or off. */
  onStatus?: (status: GatewayStatus) => void;
}

export type GatewayStatus =
  | { state: 'up'; apiServer: string; upstream: string; message: string }
  /** It could not start or stopped: containers get the emulator's own URL; `message` says why and what follows. */
  | { state: 'unavailable'; apiServer: string; message: string }
  | { state: 'off'; message: string };

export interface GatewayDeps {
  /** The emulator's URL (known once it listens). */
  upstream: () => string;
  /** The emulator's data directory; null in memory. */
  dataDir: string | null;
  containers?: ContainerClient;
  images?: ImageClient;
}

/**
 * The local CA of the emulators in memory in this process: one temporary directory, shared (making a CA costs a
 * second of key generation, and tests start many emulators), removed when the last of them stops.
 */
const memoryTls = {
  users: 0,
  files: null as Promise<TlsFiles> | null,
  take(): Promise<TlsFiles> {
    this.users += 1;
    const files = (this.files ??= mkdtemp(join(tmpdir(), 'actorkit-tls-')).then((dir) =>
      ensureTlsFiles(dir),
    ));
    files.catch(() => {
      if (this.files === files) this.files = null; // the next start tries again
    });
    return files;
  },
  async give(): Promise<void> {
    this.users -= 1;
    if (this.users > 0 || !this.files) return;
    const files = this.files;
    this.files = null;
    const { dir } = await files.catch(() => ({ dir: null }));
    if (dir) await rm(dir, { recursive: true, force: true });
  },
};

/** A one-line "what follows" for when containers cannot have the gateway. */
function consequence(fallback: string, port: number): string {
  return (
    `Containers reach the API at ${fallback} instead, so actors that call it as agavepy does (update_state, ` +
    `get_client(), https on port ${port} with the token sent only without a port) fail; the Node runtime and ` +
    'clients that take the full URL still work'
  );
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true); // something holds it, and does not answer
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code !== 'ECONNREFUSED'));
  });
}

/** A TLS handshake with the gateway as containers make it: name `localhost`, verified against our CA. */
function handshake(port: number, tls: TlsFiles): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ca: tls.caPem });
    socket.setTimeout(5000);
    socket.once('secureConnect', () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.destroy();
      if (fingerprint === tls.serverFingerprint) resolve();
      else reject(new Error(`port ${port} answers with another certificate (${fingerprint})`));
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`no TLS handshake on port ${port} within 5 s`));
    });
    socket.once('error', reject);
  });
}

/** `http://127.0.0.1:8000` → where the gateway connects: a wildcard bind is reached on the loopback. */
function upstreamAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  let host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === '0.0.0.0' || host === '' || host === '::') host = '127.0.0.1';
  return { host, port: Number(parsed.port || 80) };
}

/**
 * The API as containers reach it on the real service: `https://localhost` on port 443. A small container on the
 * host network (the local Node base image running `proxy-script.ts`) terminates TLS with a certificate from a local
 * CA kept in the data directory, and passes each connection on to the emulator's port. Started with the worker pool,
 * removed at dispose; a gateway whose emulator died is removed by the next emulator (this one's sweep, or the
 * executor's leftovers). When it cannot listen (the port is taken, no engine), containers get the emulator's own
 * URL and the status says what that means.
 */
export class ApiGateway {
  readonly port: number;
  private readonly instanceId = `gw-${randomBytes(6).toString('hex')}`;
  private readonly containers: ContainerClient;
  private readonly images: ImageClient;
  private readonly runDirs: RunDirs;
  private tls: TlsFiles | null = null;
  private memoryTlsTaken = false;
  private containerId: string | null = null;
  private attachment: LogAttachment | null = null;
  private status: GatewayStatus | null = null;
  private first: Promise<GatewayStatus> | null = null;
  private stopped = false;
  private restarting = false;

  constructor(
    private readonly deps: GatewayDeps,
    private readonly settings: GatewaySettings = {},
  ) {
    this.port = settings.port ?? 443;
    this.containers = deps.containers ?? new DockerContainerClient();
    this.images = deps.images ?? new DockerImageClient();
    this.runDirs = new RunDirs(settings.runtimeDir ?? DEFAULT_RUNTIME_DIR, this.instanceId);
  }

  /** The URL containers are given: `https://localhost` while up, else the emulator's own. */
  get apiServer(): string {
    return this.status?.state === 'up' ? this.status.apiServer : this.deps.upstream();
  }

  get current(): GatewayStatus | null {
    return this.status;
  }

  /** The TLS files, once started: the bundle the trust path mounts. */
  get tlsFiles(): TlsFiles | null {
    return this.tls;
  }

  /** The labels of what the gateway starts (itself, and probes): found and removed as leftovers after a crash. */
  get labels(): Record<string, string> {
    return { [ACTORKIT_LABEL]: 'true', [ACTORKIT_INSTANCE_LABEL]: this.instanceId };
  }

  /** Starts it (once); resolves with the first outcome and never rejects. */
  start(): Promise<GatewayStatus> {
    this.first ??= this.launch().then((status) => this.report(status));
    return this.first;
  }

  /** The first start's outcome, waited for: executions started before the gateway listens wait for it. */
  settled(): Promise<GatewayStatus> {
    return this.start();
  }

  private report(status: GatewayStatus): GatewayStatus {
    this.status = status;
    debug('%s: %s', status.state, status.message);
    try {
      this.settings.onStatus?.(status);
    } catch (error) {
      debug('onStatus threw: %O', error);
    }
    return status;
  }

  private unavailable(why: string): GatewayStatus {
    const fallback = this.deps.upstream();
    return {
      state: 'unavailable',
      apiServer: fallback,
      message: `the API gateway (https://localhost on 127.0.0.1:${this.port}) is not running: ${why}. ${consequence(fallback, this.port)}`,
    };
  }

  private async launch(): Promise<GatewayStatus> {
    try {
      const engine = await pingEngine();
      if (!engine.ok) return this.unavailable(engine.message);
      await this.removeDeadGateways();
      if (await portAnswers(this.port)) return this.unavailable(await this.whoHoldsThePort());
      if (!this.tls) {
        const dir = this.settings.tlsDir ?? (this.deps.dataDir ? join(this.deps.dataDir, 'tls') : null);
        if (dir) this.tls = await ensureTlsFiles(dir);
        else {
          this.memoryTlsTaken = true;
          this.tls = await memoryTls.take();
        }
        await writeFile(join(this.tls.gatewayDir, 'gateway.mjs'), GATEWAY_SCRIPT, { mode: 0o644 });
      }
      return await this.run(this.tls);
    } catch (error) {
      debug('the gateway did not start: %O', error);
      await this.removeContainer(); // one that started but does not answer as it should must not hold the port
      return this.unavailable((error as Error).message);
    }
  }

  /** Gateways whose emulator is gone (a crash, a kill): removed, so they do not hold the port. */
  private async removeDeadGateways(): Promise<void> {
    for (const found of await this.containers.listByLabel({ [GATEWAY_LABEL]: '' })) {
      const instance = found.labels[ACTORKIT_INSTANCE_LABEL] ?? '';
      if (instance && (await this.runDirs.isInstanceAlive(instance))) continue;
      debug('removing the gateway %s of a stopped emulator (%s)', found.id, instance || 'no instance');
      await this.containers.remove(found.id);
    }
  }

  private async whoHoldsThePort(): Promise<string> {
    const live = (await this.containers.listByLabel({ [GATEWAY_LABEL]: '' })).filter(
      (c) => c.state === 'running' && c.labels[ACTORKIT_INSTANCE_LABEL] !== this.instanceId,
    );
    const other = live[0]?.labels[GATEWAY_UPSTREAM_LABEL];
    if (other) {
      return (
        `port ${this.port} is held by the gateway of another ActorKit emulator that is running (the one at ` +
        `${other}); stop that emulator first, or keep using it`
      );
    }
    return (
      `port ${this.port} on 127.0.0.1 is taken by another program. See which one with ` +
      `\`sudo ss -ltnp 'sport = :${this.port}'\`, stop it, and restart the emulator`
    );
  }

  private async run(tls: TlsFiles): Promise<GatewayStatus> {
    if (!(await this.images.inspect(LOCAL_BASE_IMAGE))) await ensureLocalBaseImage(this.images);
    await this.runDirs.claim(); // before the container exists: a live owner, so no executor takes it for a leftover
    const upstreamUrl = this.deps.upstream();
    const upstream = upstreamAddress(upstreamUrl);
    const id = await this.containers.create({
      image: LOCAL_BASE_IMAGE,
      name: `actorkit-gateway-${this.instanceId}`,
      cmd: ['node', '/gateway/gateway.mjs'],
      env: {
        ACTORKIT_UPSTREAM_HOST: upstream.host,
        ACTORKIT_UPSTREAM_PORT: String(upstream.port),
        ACTORKIT_GATEWAY_PORT: String(this.port),
      },
      labels: { ...this.labels, [GATEWAY_LABEL]: 'true', [GATEWAY_UPSTREAM_LABEL]: upstreamUrl },
      binds: [`${tls.gatewayDir}:/gateway:ro`],
      networkMode: 'host',
      memoryBytes: 128 * 1024 * 1024,
      user: '0:0',
    });
    this.containerId = id;
    let output = '';
    let heard: (line: string) => void = () => undefined;
    const said = new Promise<string>((resolve) => (heard = resolve));
    this.attachment = await this.containers.attach(id, (_stream, bytes) => {
      output += Buffer.from(bytes).toString('utf8');
      const line = output
        .split('\n')
        .find((l) => l.startsWith('GATEWAY_READY') || l.startsWith('GATEWAY_FAILED'));
      if (line) heard(line);
    });
    await this.containers.start(id);
    const exited = this.containers.wait(id);
    const first = await withDeadline(
      Promise.race([said, exited.then((code) => `GATEWAY_EXITED ${code}`)]),
      this.settings.readyTimeoutMs ?? 20_000,
      'the gateway starting',
    ).catch((error: unknown) => `GATEWAY_FAILED TIMEOUT ${(error as Error).message}`);
    if (!first.startsWith('GATEWAY_READY')) {
      await this.removeContainer();
      const detail = first.startsWith('GATEWAY_FAILED EADDRINUSE')
        ? await this.whoHoldsThePort()
        : `${first.replace(/^GATEWAY_\w+ /, '')}${output.trim() ? ` (its output: ${output.trim().slice(0, 500)})` : ''}`;
      return this.unavailable(detail);
    }
    await handshake(this.port, tls);
    void exited.then(
      (code) => this.exitedUnasked(id, `it exited with code ${code}`),
      (error: unknown) => this.exitedUnasked(id, (error as Error).message),
    );
    return {
      state: 'up',
      apiServer: GATEWAY_API_SERVER,
      upstream: upstreamUrl,
      message:
        `containers reach the API at ${GATEWAY_API_SERVER}, as on the real service: a TLS gateway on ` +
        `127.0.0.1:${this.port} forwards to ${upstreamUrl}; its certificate comes from the local CA ${tls.caCert}, ` +
        'which every container trusts',
    };
  }

  /** The gateway stopped without being asked (killed, the engine restarted): say so, then start it again. */
  private exitedUnasked(id: string, why: string): void {
    if (this.stopped || this.containerId !== id || this.restarting) return;
    this.containerId = null;
    this.attachment?.close();
    this.report(this.unavailable(`the gateway container stopped (${why}); starting it again`));
    this.restarting = true;
    void (async () => {
      let delay = 1000;
      while (!this.stopped) {
        await new Promise((r) => setTimeout(r, delay).unref());
        if (this.stopped) break;
        await this.containers.remove(id).catch((e: unknown) => debug('removing the old gateway: %O', e));
        const status = await this.launch();
        if (this.stopped) {
          await this.removeContainer();
          break;
        }
        this.report(status);
        if (status.state === 'up') break;
        delay = Math.min(delay * 2, 15_000);
      }
      this.restarting = false;
    })();
  }

  private async removeContainer(): Promise<void> {
    const id = this.containerId;
    this.containerId = null;
    this.attachment?.close();
    this.attachment = null;
    if (id)
      await this.containers.remove(id).catch((e: unknown) => debug('removing the gateway %s: %O', id, e));
  }

  /** Removes the container and, in memory, the CA; idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.first?.catch(() => undefined);
    await this.removeContainer();
    await this.runDirs.release();
    if (this.memoryTlsTaken) await memoryTls.give();
  }
}
