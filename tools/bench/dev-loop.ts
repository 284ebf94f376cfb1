/**
 * Benchmark 7 (the harness issue): the dev loop — for a source-only change, the time from the file write to the
 * execution's COMPLETE event of `actorkit dev --json`, median over 10 edits, beside doing the same by hand (bundle,
 * `docker build`, `docker run`) in the same run.
 */
import { dockerCli } from './lib/docker-cli.js';
import { runIfMain, type Benchmark } from './lib/benchmark.js';
import { copyHello } from './lib/actor-copy.js';
import { byHandEdits } from './lib/by-hand-loop.js';
import { DevProcess } from './lib/dev-process.js';
import { out } from './lib/output.js';
import { round, summarize } from './lib/stats.js';

async function devLoopEdits(edits: number): Promise<number[]> {
  const copy = await copyHello('hello-bench');
  let image = 'actorkit-dev/hello-bench:latest';
  try {
    await using dev = new DevProcess([copy.dir, '--port', '0', '--in-memory', '--no-typecheck']);
    const first = await dev.next(
      (e) => e.type === 'round.finished' && e.round === 1,
      'round 1 to finish',
      300_000,
    );
    if (first.ok !== true) throw new Error(`round 1 failed: ${JSON.stringify(dev.events.slice(-5))}`);
    image = String(dev.events.find((e) => e.type === 'build.finished')?.image ?? image);
    const times: number[] = [];
    let lastRound = 1;
    for (let i = 1; i <= edits; i++) {
      const marker = `Edit ${i}:`;
      const from = dev.events.length;
      const started = performance.now();
      await copy.edit(marker);
      const event = await dev.next(
        (e) => e.type === 'execution.completed' && (e.round ?? 0) > lastRound,
        `the execution of edit ${i}`,
        120_000,
        from,
      );
      const n = event.round ?? 0;
      await dev.next(
        (e) => e.type === 'round.finished' && e.round === n,
        `round ${n} to finish`,
        120_000,
        from,
      );
      if (event.status !== 'COMPLETE' || !dev.logsOf(n).includes(`${marker} Hello, Ada!`)) {
        throw new Error(
          `edit ${i}: round ${n} ended ${String(event.status)} with logs ${dev.logsOf(n).slice(0, 300)}`,
        );
      }
      if (dev.events.some((e) => e.round === n && e.type === 'build.started'))
        throw new Error(`edit ${i} rebuilt the image`);
      times.push(event.at - started);
      out.step(`dev loop edit ${i}: ${round(event.at - started)} ms`);
      lastRound = n;
      await new Promise((r) => setTimeout(r, 300));
    }
    return times;
  } finally {
    await copy.remove();
    await dockerCli(['rmi', '-f', image]);
  }
}

export const devLoop: Benchmark = {
  name: 'dev-loop',
  title: 'dev loop: source edit to COMPLETE',
  about:
    'A copy of examples/hello (one fixture) under <repo>/.actorkit/bench/ runs under `actorkit dev --json --port 0 ' +
    '--in-memory --no-typecheck` (its own emulator, the Docker executor). After round 1, 10 edits one at a time each ' +
    "change the greeting in src/actor.ts; the time is from the write to the arrival of that round's " +
    "`execution.completed` event, and the new greeting must be in the round's logs (no image rebuild: the fresh " +
    'bundle is mounted into the next container). The reference, in the same run, is what a developer does by hand on ' +
    'another copy for 5 edits: write, bundle with the same esbuild step (incremental, as the dev loop), `docker build` ' +
    'an image FROM actorkit/node:20 with COPY dist, and `docker run --rm --network host -e ...` it with the ' +
    "environment the service gives, timed from the write to the container's exit.",
  analysis:
    "A source-only save costs the watcher's 60 ms debounce, an incremental esbuild bundle (about 100 ms in the " +
    'dev loop, with its entry and native packages staged each round), the image plan (a few ms since the fix above; ' +
    'it hashed the 100 MB node binary on every round before: 200-500 ms), the actor update, and one fixture run in a ' +
    'fresh container with polling (about 300 ms, as in docker-latency). By hand on this machine, in a separate ' +
    'measurement: bundle about 65 ms, `docker build` 260-320 ms (the legacy builder, warm layer cache, COPY of ' +
    'dist), `docker run` 220-330 ms. The dev loop saves the build, but each execution still needs a fresh container, ' +
    'which alone is about half of the by-hand time here: even with no overhead of its own the ratio could not go ' +
    'much below 0.5, and with the debounce and the bundle it lands near 0.7. Shortening the debounce and the ' +
    'bundle (no inline source map) would gain some tens of ms; the 1 s target is met with room.',
  async run({ quick }) {
    const edits = quick ? 3 : 10;
    const handEdits = quick ? 2 : 5;
    const devTimes = await devLoopEdits(edits);
    const copy = await copyHello('hello-by-hand');
    let hand: number[];
    try {
      hand = await byHandEdits(copy, handEdits, (i, ms) => out.step(`by hand edit ${i}: ${round(ms)} ms`));
    } finally {
      await copy.remove();
    }
    const d = summarize(devTimes);
    const h = summarize(hand);
    const ratio = round(d.median / h.median, 3);
    return {
      name: devLoop.name,
      title: devLoop.title,
      headers: ['series', 'edits', 'median ms', 'min ms', 'max ms'],
      rows: [
        ['actorkit dev: write to execution.completed', d.n, round(d.median), round(d.min), round(d.max)],
        [
          'by hand: write, bundle, docker build, docker run',
          h.n,
          round(h.median),
          round(h.min),
          round(h.max),
        ],
        ['ratio dev / by hand', '', ratio, '', ''],
      ],
      targets: [
        { label: 'dev loop median', value: round(d.median), limit: 1000, kind: 'at-most', unit: 'ms' },
        { label: 'dev loop / by hand (medians)', value: ratio, limit: 0.5, kind: 'at-most' },
      ],
      notes: [
        `${edits} dev-loop edits, then ${handEdits} by-hand edits; the dev loop's own emulator polls executions every 15 ms`,
      ],
      data: { dev: devTimes, hand },
    };
  },
};

await runIfMain(import.meta.url, devLoop);
