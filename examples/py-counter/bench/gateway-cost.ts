/**
 * What the API gateway adds, part by part: median of N runs against the same thing without it.
 *
 *   node --conditions=@actorkit/source --import tsx examples/py-counter/bench/gateway-cost.ts [N]
 *
 * Needs Docker, actorkit/node:20 and actorkit/python:3.11 (`npm run base-image -- --python`). Prints one line per
 * figure; nothing is asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActorsClient } from '@actorkit/api';
import { DockerImageClient, imageRunConfig, LOCAL_BASE_IMAGE, PYTHON_BASE_IMAGE } from '@actorkit/docker';
import {
  ApiGateway,
  createExecutor,
  ensureTlsFiles,
  executorWorkerPool,
  startEmulator,
  TrustPath,
  type GatewayStatus,
  type RunningEmulator,
} from '@actorkit/emulator';

const N = Number(process.argv[2] ?? 11);
const images = new DockerImageClient();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const say = (what: string, on: number[], off?: number[]) =>
  console.log(
    off
      ? `${what}: ${fmt(median(on))} with, ${fmt(median(off))} without (+${fmt(median(on) - median(off))}), median of ${on.length}`
      : `${what}: ${fmt(median(on))}, median of ${on.length}`,
  );

async function build(tag: string, dockerfile: string, files: Record<string, string> = {}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gw-bench-'));
  await writeFile(join(dir, 'Dockerfile'), dockerfile);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  await images.build(dir, { tag, src: ['Dockerfile', ...Object.keys(files)] });
  await rm(dir, { recursive: true, force: true });
}

/** Send → COMPLETE, and the container's own runtime, for one message. */
async function once(
  client: ActorsClient,
  actorId: string,
): Promise<{ total: number; runtime: number; logs: string }> {
  const started = performance.now();
  const { executionId } = await client.sendMessage(actorId, 'go');
  let status = '';
  let runtime = 0;
  for await (const e of client.executionUpdates(actorId, executionId, { until: Date.now() + 60_000 })) {
    status = e.status;
    runtime = e.runtime ?? 0;
  }
  const total = performance.now() - started;
  const logs = (await client.getExecutionLogs(actorId, executionId)).logs ?? '';
  if (status !== 'COMPLETE') throw new Error(`execution ended ${status}: ${logs}`);
  return { total, runtime, logs };
}

async function emulator(gateway: boolean): Promise<{ emu: RunningEmulator; close: () => Promise<void> }> {
  const { executor } = await createExecutor('docker');
  let told: (s: GatewayStatus) => void = () => undefined;
  const status = new Promise<GatewayStatus>((r) => (told = r));
  const emu = await startEmulator({
    inMemory: true,
    executor,
    workerPool: executorWorkerPool({ gateway: gateway ? { onStatus: told } : false }),
  });
  if (gateway) {
    const s = await status;
    if (s.state !== 'up') throw new Error(s.message);
  }
  return {
    emu,
    close: async () => {
      await emu.dispose();
      await executor[Symbol.asyncDispose]();
    },
  };
}

// ---- images -------------------------------------------------------------------------------------------------------
const NODE_IDLE = 'actorkit-bench/gw-node-idle:latest';
const PY_IDLE = 'actorkit-bench/gw-py-idle:latest';
const PY_CALLS = 'actorkit-bench/gw-py-calls:latest';
const NODE_CALLS = 'actorkit-bench/gw-node-calls:latest';
await build(NODE_IDLE, `FROM ${LOCAL_BASE_IMAGE}\nCMD ["node", "-e", "console.log('hi')"]\n`);
await build(PY_IDLE, `FROM ${PYTHON_BASE_IMAGE}\nCMD ["python3", "-c", "print('hi')"]\n`);
// K calls of GET /actors/v2/<id>: new connection each (as agavepy's client without keep-alive reuse), then one session
await build(PY_CALLS, `FROM ${PYTHON_BASE_IMAGE}\nCOPY calls.py /calls.py\nCMD ["python3", "/calls.py"]\n`, {
  'calls.py': [
    'import os, time, json, requests',
    "base = os.environ['BASE']; token = os.environ['_abaco_access_token']; aid = os.environ['_abaco_actor_id']",
    "h = {'Authorization': 'Bearer ' + token}",
    "url = base + '/actors/v2/' + aid",
    'def timed(fn, k=20):',
    '    out = []',
    '    for _ in range(k):',
    '        t = time.perf_counter(); r = fn(); r.raise_for_status(); out.append((time.perf_counter() - t) * 1000)',
    '    out.sort(); return out[len(out) // 2]',
    'fresh = timed(lambda: requests.get(url, headers=h))',
    's = requests.Session()',
    'kept = timed(lambda: s.get(url, headers=h))',
    "print('CALLS ' + json.dumps({'fresh': fresh, 'kept': kept}))",
  ].join('\n'),
});
await build(NODE_CALLS, `FROM ${LOCAL_BASE_IMAGE}\nCOPY calls.mjs /calls.mjs\nCMD ["node", "/calls.mjs"]\n`, {
  'calls.mjs': [
    "const url = process.env.BASE + '/actors/v2/' + process.env._abaco_actor_id;",
    "const headers = { authorization: 'Bearer ' + process.env._abaco_access_token };",
    'const out = [];',
    'for (let i = 0; i < 20; i++) {',
    '  const t = performance.now(); const r = await fetch(url, { headers }); await r.arrayBuffer();',
    "  if (!r.ok) throw new Error('HTTP ' + r.status); out.push(performance.now() - t);",
    '}',
    'const first = out[0]; out.sort((a, b) => a - b);',
    "console.log('CALLS ' + JSON.stringify({ first, kept: out[10] }));",
  ].join('\n'),
});

// ---- 1. the gateway's start, and the CA ---------------------------------------------------------------------------
{
  const fresh: number[] = [];
  const kept: number[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'gw-bench-ca-'));
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    await ensureTlsFiles(join(dir, `fresh-${i}`));
    fresh.push(performance.now() - t);
    t = performance.now();
    await ensureTlsFiles(join(dir, `fresh-${i}`));
    kept.push(performance.now() - t);
  }
  say('making the local CA and the certificate (once per data directory)', fresh);
  say('reading them back (each start)', kept);
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const gateway = new ApiGateway({
      upstream: () => 'http://127.0.0.1:1',
      dataDir: join(dir, 'fresh-0', '..'),
    });
    const t = performance.now();
    const s = await gateway.start();
    starts.push(performance.now() - t);
    await gateway.stop();
    if (s.state !== 'up') throw new Error(s.message);
  }
  say('starting the gateway container until it answers TLS (once per emulator, in the background)', starts);
  await rm(dir, { recursive: true, force: true });
}

// ---- 2. the per-execution wiring: image inspect, probe cache, mounts and variables -----------------------------------
{
  const inspect: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await imageRunConfig(PY_IDLE);
    inspect.push(performance.now() - t);
  }
  say('image inspect per execution (the key of the probe cache)', inspect);
  const dir = await mkdtemp(join(tmpdir(), 'gw-bench-probe-'));
  const tls = await ensureTlsFiles(dir);
  const probes: number[] = [];
  for (let i = 0; i < 3; i++) {
    // a new image id each time: the probe runs once per image id
    await build(`actorkit-bench/gw-probe:${i}`, `FROM ${PYTHON_BASE_IMAGE}\nLABEL run=${Date.now()}-${i}\n`);
    const trust = new TrustPath(tls.bundle, tls.caCert, null, { 'org.actorkit.managed': 'true' });
    const t = performance.now();
    await trust.forImage(`actorkit-bench/gw-probe:${i}`);
    probes.push(performance.now() - t);
    await images.remove(`actorkit-bench/gw-probe:${i}`);
  }
  say('the certifi probe of a Python image (once per image id; Node images skip it)', probes);
  await rm(dir, { recursive: true, force: true });
}

// ---- 3. an execution that does not call the API, with and without the gateway ---------------------------------------
const on = await emulator(true);
const off = await emulator(false);
try {
  for (const [name, image] of [
    ['Node', NODE_IDLE],
    ['Python', PY_IDLE],
  ] as const) {
    const a = (await on.emu.client.add({ image })).id;
    const b = (await off.emu.client.add({ image })).id;
    await once(on.emu.client, a); // warm: the probe and the first start
    await once(off.emu.client, b);
    const withGw: number[] = [];
    const without: number[] = [];
    const rtWith: number[] = [];
    const rtWithout: number[] = [];
    for (let i = 0; i < N; i++) {
      const x = await once(on.emu.client, a);
      const y = await once(off.emu.client, b);
      withGw.push(x.total);
      without.push(y.total);
      rtWith.push(x.runtime);
      rtWithout.push(y.runtime);
    }
    say(`${name} execution, send to COMPLETE`, withGw, without);
    say(`${name} execution, container runtime`, rtWith, rtWithout);
  }

  // ---- 4. calls to the API from inside: https://localhost through the gateway against http to the emulator ---------
  for (const [name, image] of [
    ['Python requests', PY_CALLS],
    ['Node fetch', NODE_CALLS],
  ] as const) {
    const direct = (await on.emu.client.add({ image, token: true, defaultEnvironment: { BASE: on.emu.url } }))
      .id;
    const viaGateway = (
      await on.emu.client.add({ image, token: true, defaultEnvironment: { BASE: 'https://localhost' } })
    ).id;
    const rows: Record<string, number[]> = {};
    for (let i = 0; i < 3; i++) {
      for (const [label, id] of [
        ['gateway', viaGateway],
        ['direct', direct],
      ] as const) {
        const { logs } = await once(on.emu.client, id);
        const line = logs.split('\n').find((l) => l.startsWith('CALLS '));
        if (!line) throw new Error(`no CALLS line: ${logs}`);
        for (const [k, v] of Object.entries(JSON.parse(line.slice(6)) as Record<string, number>)) {
          (rows[`${label} ${k}`] ??= []).push(v);
        }
      }
    }
    for (const kind of Object.keys(rows).filter((k) => k.startsWith('gateway '))) {
      const k = kind.slice('gateway '.length);
      say(`${name}, one API call (${k})`, rows[kind]!, rows[`direct ${k}`]!);
    }
  }
} finally {
  await on.close();
  await off.close();
}

// ---- 5. how Node is told about the CA: what each way adds to a Node start ------------------------------------------
{
  const dir = await mkdtemp(join(tmpdir(), 'gw-bench-node-'));
  const tls = await ensureTlsFiles(dir);
  const ways: Record<string, Record<string, string>> = {
    'NODE_OPTIONS=--use-openssl-ca, SSL_CERT_FILE=bundle (what executions get)': {
      NODE_OPTIONS: '--use-openssl-ca',
      SSL_CERT_FILE: tls.bundle,
    },
    'NODE_EXTRA_CA_CERTS=the local CA alone': { NODE_EXTRA_CA_CERTS: tls.caCert },
    'NODE_EXTRA_CA_CERTS=bundle': { NODE_EXTRA_CA_CERTS: tls.bundle },
  };
  // a TLS context is where Node loads its roots (at the first https call); without one, at start or never
  for (const [what, script] of [
    ['a Node start that makes no TLS connection', '0'],
    ['a Node start that makes a TLS context', "require('tls').createSecureContext()"],
  ] as const) {
    const times: Record<string, number[]> = { none: [] };
    for (let i = 0; i < N; i++) {
      for (const [name, env] of Object.entries({ none: {}, ...ways })) {
        const t = performance.now();
        execFileSync(process.execPath, ['-e', script], { env });
        (times[name] ??= []).push(performance.now() - t);
      }
    }
    for (const name of Object.keys(ways)) say(`${what}, ${name}`, times[name]!, times.none!);
  }
  await rm(dir, { recursive: true, force: true });
}
for (const tag of [NODE_IDLE, PY_IDLE, PY_CALLS, NODE_CALLS]) await images.remove(tag);
