/**
 * Benchmark 1: one message to COMPLETE on the Docker executor, beside `docker run --rm` of the same image with the
 * same environment, interleaved in the same run.
 */
import { runIfMain, type Benchmark } from './lib/benchmark.js';
import { BENCH_LABEL, buildTrivialImage, TRIVIAL_IMAGE } from './lib/bench-images.js';
import { removeLabelled, timedDockerRun } from './lib/docker-cli.js';
import { out } from './lib/output.js';
import { envFromLogs, withEmulator } from './lib/session.js';
import { latencyResult, timeMessage, type LatencySamples } from './lib/latency.js';

/** The pause between reads should the emulator not hold them (it does: reads are blocking). */
const POLL_MS = 5;

export const dockerLatency: Benchmark = {
  name: 'docker-latency',
  title: 'message to COMPLETE, Docker executor, trivial actor',
  about:
    'A client sends a str message to a registered actor of `actorkit-bench/trivial` (FROM actorkit/node:20; prints ' +
    'its message and exits) and follows `GET .../executions/{id}` with blocking reads (If-None-Match + ' +
    '`Prefer: wait=20`: each answers when the execution changes) until it reads COMPLETE: the time a ' +
    'user waits. The reference is `docker run --rm --network host -e ... actorkit-bench/trivial` through the docker ' +
    'CLI, given exactly the environment the emulator gave its container (read back from a warm-up execution), timed ' +
    'from spawning the CLI to its exit (with --rm the CLI waits for the removal, as the emulator removes the ' +
    'container before it records COMPLETE). The two alternate, message by message, so both see the same machine. ' +
    'The emulator runs in its own process with its store on disk (group commit: an acknowledged write is on ' +
    'disk), as `actorkit up` does.',
  analysis:
    "Both sides pay for the same container: create, start, Node starting inside it, exit and removal; the engine's " +
    'work is most of the time. The emulator adds its HTTP request and store writes, the run directory whose results ' +
    'socket is bind-mounted into the container, a stats subscription (for the cpu and io figures), an inspect for ' +
    'finalState, and the blocking read that hands COMPLETE to the client as it is recorded. Like `docker run --rm`, it removes the container before it ' +
    'records COMPLETE; recording COMPLETE first would save the removal (20-50 ms here), but the executor promises ' +
    'that `done` means cleaned up, so that needs a hook between the two and was left alone.',
  async run({ quick }) {
    const count = quick ? 8 : 50;
    await buildTrivialImage();
    try {
      return await withEmulator({ executor: 'docker' }, async ({ api }) => {
        const actor = await api.addActor({ image: TRIVIAL_IMAGE, name: 'bench-trivial' });
        await api.waitReady(actor.id);
        const warm = await api.send(actor.id, 'warm-up', { PRINT_ENV: '1' });
        await api.waitFinal(actor.id, warm, POLL_MS);
        const env = { ...envFromLogs(await api.logs(actor.id, warm)), MSG: 'hello' };
        for (let i = 0; i < 2; i++) {
          await timeMessage(api, actor.id, 'hello', POLL_MS);
          await timedDockerRun(TRIVIAL_IMAGE, env, BENCH_LABEL);
        }
        const samples: LatencySamples = { emulator: [], server: [], runtime: [], reference: [] };
        for (let i = 0; i < count; i++) {
          const t = await timeMessage(api, actor.id, 'hello', POLL_MS);
          samples.emulator.push(t.ms);
          samples.server.push(t.serverMs);
          samples.runtime.push(t.runtimeMs);
          samples.reference.push(await timedDockerRun(TRIVIAL_IMAGE, env, BENCH_LABEL));
          if ((i + 1) % 10 === 0) out.step(`${i + 1}/${count} pairs`);
        }
        return latencyResult({
          name: dockerLatency.name,
          title: dockerLatency.title,
          referenceLabel: 'docker run --rm (CLI)',
          samples,
          limit: 1.15,
          notes: [
            `${count} messages and ${count} docker runs, alternating, after 3 warm-up pairs; followed with blocking reads`,
            "server side: messageReceivedTime to finishTime as the emulator records them; runtime: the container's own (Docker StartedAt to FinishedAt)",
          ],
        });
      });
    } finally {
      await removeLabelled(BENCH_LABEL);
    }
  },
};

await runIfMain(import.meta.url, dockerLatency);
