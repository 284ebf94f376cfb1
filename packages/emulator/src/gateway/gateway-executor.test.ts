import { describe, expect, it } from 'vitest';
import type { ExecutionSpec, Executor, RunningExecution } from '../executor/executor.js';
import type { ApiGateway, GatewayStatus } from './api-gateway.js';
import { GatewayExecutor } from './gateway-executor.js';
import { CONTAINER_BUNDLE_PATH, CONTAINER_CA_PATH } from './trust-path.js';

const spec: ExecutionSpec = {
  executionId: 'e1',
  actorId: 'a1',
  workerId: 'w1',
  image: 'actorkit-test/not-there:never',
  env: { _abaco_api_server: 'http://127.0.0.1:8000', REQUESTS_CA_BUNDLE: '/mine.pem' },
  maxRunMs: 1000,
  mounts: ['/fresh:/app/dist:ro'],
};

function fakes(status: GatewayStatus) {
  const started: ExecutionSpec[] = [];
  const inner = {
    kind: 'docker',
    start: async (s: ExecutionSpec) => {
      started.push(s);
      return {} as RunningExecution;
    },
  } as unknown as Executor;
  const gateway = {
    settled: async () => status,
    current: status,
    tlsFiles: { bundle: '/data/tls/ca-bundle.pem', caCert: '/data/tls/ca.pem', dir: '/data/tls' },
    labels: {},
  } as unknown as ApiGateway;
  return { executor: new GatewayExecutor(inner, gateway), started };
}

describe('executions with the gateway', () => {
  it('are told https://localhost and get the bundle, their own variables winning', async () => {
    const { executor, started } = fakes({
      state: 'up',
      apiServer: 'https://localhost',
      upstream: '',
      message: '',
    });
    await executor.start(spec, { onLog: () => undefined, onResult: () => undefined });
    const [run] = started;
    expect(run?.env._abaco_api_server).toBe('https://localhost');
    expect(run?.env.REQUESTS_CA_BUNDLE).toBe('/mine.pem');
    expect(run?.env.SSL_CERT_FILE).toBe(CONTAINER_BUNDLE_PATH);
    expect(run?.env.NODE_OPTIONS).toBe('--use-openssl-ca');
    expect(run?.env.NODE_EXTRA_CA_CERTS).toBeUndefined();
    expect(run?.env.TAPIS_DEFAULT_VERIFY_SSL).toBeUndefined();
    expect(run?.mounts).toEqual([
      '/fresh:/app/dist:ro',
      `/data/tls/ca-bundle.pem:${CONTAINER_BUNDLE_PATH}:ro`,
    ]);
  });

  it("keep their own NODE_OPTIONS, and Node's bundled roots when they ask for them (the CA then comes alone)", async () => {
    const up: GatewayStatus = { state: 'up', apiServer: 'https://localhost', upstream: '', message: '' };
    const hooks = { onLog: () => undefined, onResult: () => undefined };
    const first = fakes(up);
    await first.executor.start(
      { ...spec, env: { ...spec.env, NODE_OPTIONS: '--enable-source-maps' } },
      hooks,
    );
    expect(first.started[0]?.env.NODE_OPTIONS).toBe('--enable-source-maps --use-openssl-ca');
    const second = fakes(up);
    await second.executor.start({ ...spec, env: { ...spec.env, NODE_OPTIONS: '--use-bundled-ca' } }, hooks);
    expect(second.started[0]?.env.NODE_OPTIONS).toBe('--use-bundled-ca');
    expect(second.started[0]?.env.NODE_EXTRA_CA_CERTS).toBe(CONTAINER_CA_PATH);
    expect(second.started[0]?.mounts).toContain(`/data/tls/ca.pem:${CONTAINER_CA_PATH}:ro`);
  });

  it('run as they would without it while it is unavailable', async () => {
    const { executor, started } = fakes({
      state: 'unavailable',
      apiServer: 'http://127.0.0.1:8000',
      message: '',
    });
    await executor.start(spec, { onLog: () => undefined, onResult: () => undefined });
    expect(started).toEqual([spec]);
  });
});
