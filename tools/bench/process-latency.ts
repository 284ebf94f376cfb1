/**
 * Benchmark 2: one message to COMPLETE on the process executor, beside spawning the same command directly with the
 * same environment, interleaved in the same run.
 */
import { spawn } from 'node:child_process';
import { runIfMain, type Benchmark } from './lib/benchmark.js';
import { TRIVIAL_SCRIPT } from './lib/bench-images.js';
import { latencyResult, timeMessage, type LatencySamples } from './lib/latency.js';
import { out } from './lib/output.js';
import { envFromLogs, withEmulator } from './lib/session.js';

/** The pause between reads should the emulator not hold them (it does: reads are blocking). */
const POLL_MS = 5;

/** Spawns `node trivial.mjs` with this environment, reads its output, and answers the ms to its close. */
function timedSpawn(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TRIVIAL_SCRIPT], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', () => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`node ${TRIVIAL_SCRIPT} exited ${String(code)}`));
    });
  });
}

export const processLatency: Benchmark = {
  name: 'process-latency',
  title: 'message to COMPLETE, process executor, trivial actor',
  about:
    'The same measure as docker-latency on the process executor: the actor runs `node tools/bench/actors/trivial.mjs` ' +
    '(its ACTORKIT_PROCESS_COMMAND) as a local process group. The reference spawns that same command from the ' +
    'benchmark with the environment the emulator gave it (read back from a warm-up execution), reading its output ' +
    "and timing until its streams close. What is left between the two is the emulator's own work: the HTTP request, " +
    'the store (on disk, group commit), the worker, the run directory and results socket, and the blocking ' +
    'read that hands COMPLETE to the client.',
  analysis:
    "Node's own start-up (about 40 ms here) is most of both. The emulator adds 5-15 ms: the POST (the message " +
    "committed and flushed to disk), the worker's claim and bookkeeping writes, the run directory with its results " +
    'socket and pid file, /proc sampling, the final writes, and the answer to the held read. This ratio moves ' +
    "most with the machine's load: on two cores the emulator competes with the child for CPU, which the bare " +
    'spawn does not have to. (Before reads were blocking, the client polled every 5 ms, and that polling took ' +
    'CPU from the child too.)',
  async run({ quick }) {
    const count = quick ? 10 : 50;
    return withEmulator({ executor: 'process' }, async ({ api }) => {
      const actor = await api.addActor({
        image: 'actorkit-bench/trivial',
        name: 'bench-trivial-process',
        defaultEnvironment: { ACTORKIT_PROCESS_COMMAND: JSON.stringify([process.execPath, TRIVIAL_SCRIPT]) },
      });
      await api.waitReady(actor.id);
      const warm = await api.send(actor.id, 'warm-up', { PRINT_ENV: '1' });
      await api.waitFinal(actor.id, warm, POLL_MS);
      const env = { ...envFromLogs(await api.logs(actor.id, warm)), MSG: 'hello' };
      for (let i = 0; i < 3; i++) {
        await timeMessage(api, actor.id, 'hello', POLL_MS);
        await timedSpawn(env);
      }
      const samples: LatencySamples = { emulator: [], server: [], runtime: [], reference: [] };
      for (let i = 0; i < count; i++) {
        const t = await timeMessage(api, actor.id, 'hello', POLL_MS);
        samples.emulator.push(t.ms);
        samples.server.push(t.serverMs);
        samples.runtime.push(t.runtimeMs);
        samples.reference.push(await timedSpawn(env));
        if ((i + 1) % 10 === 0) out.step(`${i + 1}/${count} pairs`);
      }
      return latencyResult({
        name: processLatency.name,
        title: processLatency.title,
        referenceLabel: 'spawn node trivial.mjs',
        samples,
        limit: 1.5,
        notes: [
          `${count} messages and ${count} direct spawns, alternating, after 3 warm-up pairs; followed with blocking reads`,
        ],
      });
    });
  },
};

await runIfMain(import.meta.url, processLatency);
