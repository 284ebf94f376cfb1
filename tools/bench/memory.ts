/**
 * Benchmark 6: the emulator's resident memory after 100 and after 1,000 executions (Docker executor, trivial actor,
 * 4 workers); growth at most 20%.
 */
import { runIfMain, type Benchmark } from './lib/benchmark.js';
import { buildTrivialImage, TRIVIAL_IMAGE } from './lib/bench-images.js';
import { out, type Cell } from './lib/output.js';
import { withEmulator } from './lib/session.js';
import { round } from './lib/stats.js';

const MiB = 2 ** 20;

export const memory: Benchmark = {
  name: 'memory',
  title: 'emulator RSS after 100 and after 1,000 executions',
  about:
    'An emulator process (Docker executor, store on disk) runs messages for a stateless actor of ' +
    '`actorkit-bench/trivial` with up to 4 workers, in batches of 100: send 100, poll until all are COMPLETE, wait ' +
    "1 s idle, read the process's VmRSS from /proc/<pid>/status. The reference is the emulator itself after the first " +
    '100 executions (start-up, JIT and the first containers included): what is held for good per execution shows as ' +
    'growth from there to 1,000. Each execution keeps its record, log line and result in the store (on disk, so the ' +
    'SQLite page cache, capped by SQLite, is all that stays in memory).',
  analysis:
    'RSS settles over the first executions (the V8 heap sizes itself, the SQLite page cache fills, the Docker ' +
    "client's sockets are pooled); the figure is the growth after that, from 100 to 1,000 executions.",
  async run({ quick }) {
    const batches = quick ? 3 : 10;
    const batch = quick ? 20 : 100;
    await buildTrivialImage();
    return withEmulator({ executor: 'docker', pool: { defaultMaxWorkers: 4 } }, async ({ emu, api }) => {
      const actor = await api.addActor({ image: TRIVIAL_IMAGE, name: 'bench-memory' });
      await api.waitReady(actor.id);
      const startRss = await emu.rssBytes();
      const rows: Cell[][] = [['0 (idle, actor READY)', round(startRss / MiB)]];
      const samples: number[] = [];
      for (let b = 1; b <= batches; b++) {
        const ids: string[] = [];
        for (let i = 0; i < batch; i++) ids.push(await api.send(actor.id, `m${b}-${i}`));
        await api.waitAllFinal(actor.id, ids, 200, 900_000);
        await new Promise((r) => setTimeout(r, 1000));
        const rss = await emu.rssBytes();
        samples.push(rss);
        rows.push([String(b * batch), round(rss / MiB)]);
        out.step(`${b * batch} executions: RSS ${round(rss / MiB)} MiB`);
      }
      const { executions } = await api.summary(actor.id);
      const notComplete = executions.filter((e) => e.status !== 'COMPLETE').length;
      if (notComplete) throw new Error(`${notComplete} executions did not end COMPLETE`);
      const first = samples[0] ?? Number.NaN;
      const last = samples.at(-1) ?? Number.NaN;
      const growth = round((last / first - 1) * 100, 1);
      return {
        name: memory.name,
        title: memory.title,
        headers: ['executions', 'RSS MiB'],
        rows: [...rows, [`growth ${batch} -> ${batches * batch}`, `${growth}%`]],
        targets: [
          {
            label: `RSS growth from ${batch} to ${batches * batch} executions`,
            value: growth,
            limit: 20,
            kind: 'at-most',
            unit: '%',
          },
        ],
        notes: [`batches of ${batch}, summary polled every 200 ms, RSS read 1 s after each batch ended`],
        data: { startRss, samples },
      };
    });
  },
};

await runIfMain(import.meta.url, memory);
