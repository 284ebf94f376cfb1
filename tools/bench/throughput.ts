/**
 * Benchmark 3: 200 messages to a stateless actor with 4 workers, executions per second, beside the same 200
 * containers run by hand with 4 in parallel (`xargs -P4 docker run --rm`).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIfMain, type Benchmark } from './lib/benchmark.js';
import { BENCH_LABEL, buildTrivialImage, TRIVIAL_IMAGE } from './lib/bench-images.js';
import { removeLabelled } from './lib/docker-cli.js';
import { out } from './lib/output.js';
import type { RawApi } from './lib/raw-api.js';
import { envFromLogs, withEmulator } from './lib/session.js';
import { mean, round } from './lib/stats.js';

const POLL_MS = 100;

/** Sends `count` messages, then polls until every execution is final; answers executions per second. */
/** Registers a fresh actor (so each round's summary lists only its own executions), then times `count` messages. */
async function emulatorRound(api: RawApi, round: number, count: number): Promise<number> {
  const { id: actorId } = await api.addActor({ image: TRIVIAL_IMAGE, name: `bench-throughput-${round}` });
  await api.waitReady(actorId);
  const started = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await api.send(actorId, `m${i}`));
  const seen = await api.waitAllFinal(actorId, ids, POLL_MS, 600_000);
  for (const e of (await api.summary(actorId)).executions) {
    if (ids.includes(e.id) && e.status !== 'COMPLETE') throw new Error(`execution ${e.id} ended ${e.status}`);
  }
  return count / ((seen - started) / 1000);
}

/** `seq 1 N | xargs -P4 -I{} docker run --rm --network host --env-file F -e MSG=m{} IMAGE`: runs per second. */
async function referenceRound(envFile: string, count: number): Promise<number> {
  const args = ['-P4', '-I{}', 'docker', 'run', '--rm', '--network', 'host', '--label', BENCH_LABEL];
  args.push('--env-file', envFile, '-e', 'MSG=m{}', TRIVIAL_IMAGE);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('xargs', args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`xargs docker run exited ${String(code)}: ${stderr.slice(-500)}`));
    });
    child.stdin.end(Array.from({ length: count }, (_, i) => String(i + 1)).join('\n') + '\n');
  });
  return count / ((performance.now() - started) / 1000);
}

export const throughput: Benchmark = {
  name: 'throughput',
  title: '200 messages, stateless actor, 4 workers',
  about:
    'The client registers a stateless actor of `actorkit-bench/trivial` (the emulator runs up to 4 workers for it: ' +
    '`--max-workers 4`, the default), waits for READY, sends it 200 str messages one request after another, then ' +
    'polls the executions summary every 100 ms until all 200 are COMPLETE; the rate is 200 over the time from the ' +
    'first request to that poll (the poll adds at most 100 ms to some 25 s). The ' +
    'reference runs the same 200 containers by hand, 4 at a time: `seq 1 200 | xargs -P4 -I{} docker run --rm ' +
    "--network host --env-file <the emulator's environment> -e MSG=m{} actorkit-bench/trivial`, timed to xargs' " +
    'exit. In the full run the two alternate twice and the rates are averaged.',
  analysis:
    'Two cores carry dockerd, containerd, the containers and the emulator; the engine is the bottleneck on both ' +
    'sides. Per container the emulator asks the engine for more than `docker run` does (a stats stream for the cpu ' +
    "and io figures, an inspect for finalState) and keeps every execution's progress, logs and results in the store; " +
    'the reference pays for one docker CLI process per container. The ratio sits close to the 0.9 target and moves ' +
    "with the machine's load by a few percent either way.",
  async run({ quick }) {
    const count = quick ? 24 : 200;
    const rounds = quick ? 1 : 2;
    await buildTrivialImage();
    const dir = await mkdtemp(join(tmpdir(), 'actorkit-bench-env-'));
    try {
      return await withEmulator({ executor: 'docker', pool: { defaultMaxWorkers: 4 } }, async ({ api }) => {
        const actor = await api.addActor({ image: TRIVIAL_IMAGE, name: 'bench-throughput' });
        await api.waitReady(actor.id);
        const warm = await api.send(actor.id, 'warm-up', { PRINT_ENV: '1' });
        await api.waitFinal(actor.id, warm, POLL_MS);
        const env = envFromLogs(await api.logs(actor.id, warm));
        delete env.MSG;
        const envFile = join(dir, 'env');
        await writeFile(
          envFile,
          Object.entries(env)
            .map(([k, v]) => `${k}=${v}`)
            .join('\n') + '\n',
        );
        const emulator: number[] = [];
        const reference: number[] = [];
        for (let r = 0; r < rounds; r++) {
          emulator.push(await emulatorRound(api, r + 1, count));
          out.step(`round ${r + 1}: emulator ${round(emulator.at(-1) ?? 0, 2)}/s`);
          reference.push(await referenceRound(envFile, count));
          out.step(`round ${r + 1}: xargs -P4 docker run ${round(reference.at(-1) ?? 0, 2)}/s`);
        }
        const ratio = round(mean(emulator) / mean(reference), 3);
        const rows = emulator.map((e, i) => [`round ${i + 1}`, round(e, 2), round(reference[i] ?? 0, 2)]);
        return {
          name: throughput.name,
          title: throughput.title,
          headers: ['', 'emulator executions/s', 'xargs -P4 docker run /s'],
          rows: [
            ...rows,
            ['mean', round(mean(emulator), 2), round(mean(reference), 2)],
            ['ratio', ratio, ''],
          ],
          targets: [{ label: 'ratio emulator / by hand', value: ratio, limit: 0.9, kind: 'at-least' }],
          notes: [
            `${count} messages per round, ${rounds} round(s) each, alternating; summary polled every ${POLL_MS} ms`,
          ],
          data: { emulator, reference, count },
        };
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
      await removeLabelled(BENCH_LABEL);
    }
  },
};

await runIfMain(import.meta.url, throughput);
