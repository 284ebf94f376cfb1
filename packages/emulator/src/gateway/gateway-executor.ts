import { ABACO_ENV } from '@actorkit/api';
import createDebug from 'debug';
import type {
  ExecutionHooks,
  ExecutionSpec,
  Executor,
  ExecutorHealth,
  ImageCheck,
  RunningExecution,
} from '../executor/executor.js';
import type { ApiGateway } from './api-gateway.js';
import { TrustPath, type ExecutionTrust } from './trust-path.js';

const debug = createDebug('actorkit:gateway');

/**
 * The Docker executor, with the gateway: while it is up, each execution is told `_abaco_api_server=https://localhost`
 * and gets the trust path (the CA bundle mounted and named); otherwise it runs as it would without it. Everything
 * else is the wrapped executor's, which its owner keeps and disposes.
 */
export class GatewayExecutor implements Executor {
  private trust: TrustPath | null = null;
  private readonly warned = new Set<string>();

  constructor(
    private readonly inner: Executor,
    private readonly gateway: ApiGateway,
  ) {}

  get kind(): Executor['kind'] {
    return this.inner.kind;
  }

  health(): Promise<ExecutorHealth> {
    return this.inner.health();
  }

  checkImage(image: string): Promise<ImageCheck> {
    return this.inner.checkImage(image);
  }

  removeLeftovers(): Promise<number> {
    return this.inner.removeLeftovers();
  }

  private trustPath(): TrustPath | null {
    const tls = this.gateway.tlsFiles;
    if (!tls) return null;
    this.trust ??= new TrustPath(tls.bundle, tls.caCert, `${tls.dir}/image-probes.json`, this.gateway.labels);
    return this.trust;
  }

  /** The environment and mounts that make an execution reach and trust the gateway. */
  async withGateway(spec: ExecutionSpec): Promise<ExecutionSpec> {
    const status = await this.gateway.settled();
    const current = this.gateway.current ?? status;
    const trustPath = this.trustPath();
    if (current.state !== 'up' || !trustPath) return spec;
    let trust: ExecutionTrust;
    try {
      trust = await trustPath.forImage(spec.image, spec.env);
    } catch (error) {
      debug('no trust path for %s, so no gateway for %s: %O', spec.image, spec.executionId, error);
      return spec;
    }
    if (trust.verifyOff && !this.warned.has(spec.image)) {
      this.warned.add(spec.image);
      debug(
        '%s: TLS verification is switched off (%s=false) for it',
        trust.verifyOff,
        'TAPIS_DEFAULT_VERIFY_SSL',
      );
    }
    return {
      ...spec,
      // the execution's own variables win: an actor that names its own bundle keeps it
      env: { ...trust.env, ...spec.env, ...trust.merged, [ABACO_ENV.apiServer]: current.apiServer },
      mounts: [...(spec.mounts ?? []), ...trust.mounts],
    };
  }

  async start(spec: ExecutionSpec, hooks: ExecutionHooks): Promise<RunningExecution> {
    return this.inner.start(await this.withGateway(spec), hooks);
  }

  /** The wrapped executor is its owner's to dispose. */
  async [Symbol.asyncDispose](): Promise<void> {}
}
