/**
 * Benchmark 5: the in-process test tier — 2,000 sequential `invoke` calls of the counter example, each starting from
 * the state the previous one left; p50 per call, and the last 10% against the first 10%.
 */
import { invoke } from '@actorkit/testing';
import counter from '../../examples/counter/src/actor.js';
import { runIfMain, type Benchmark } from './lib/benchmark.js';
import { mean, median, round, summarize } from './lib/stats.js';

export const invokeTier: Benchmark = {
  name: 'invoke-tier',
  title: '2,000 sequential invoke calls (in-process tier)',
  about:
    'Calls `invoke(counter, { message: { op: "add", by: 1 }, state })` from @actorkit/testing 2,000 times in a row ' +
    'in the benchmark process, each call given the state the previous one returned (as a test walking through a ' +
    'sequence would), after 50 warm-up calls; each call is timed with performance.now(). The reference is the run ' +
    'itself: the median of the last 10% of calls against the median of the first 10%, which catches anything that ' +
    'grows per call (leaked listeners, retained records, a growing environment). The final count must be 2,000.',
  analysis:
    'The first calls pay for JIT warm-up, so the last tenth is faster than the first; what the target guards ' +
    'against is cost that grows per call, and none shows.',
  async run({ quick }) {
    const count = quick ? 400 : 2000;
    let state: unknown = { count: 0, updates: 0, lastUpdatedBy: null };
    for (let i = 0; i < 50; i++)
      await invoke(counter, { message: { op: 'add', by: 0 }, state: { count: 0 } });
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const run = await invoke(counter, { message: { op: 'add', by: 1 }, state });
      times.push(performance.now() - started);
      if (run.exitCode !== 0) throw new Error(`invoke ${i} exited ${run.exitCode}: ${run.logs}`);
      state = run.state;
    }
    const final = (state as { count: number }).count;
    if (final !== count) throw new Error(`the count is ${final} after ${count} calls`);
    const tenth = Math.floor(count / 10);
    const first = times.slice(0, tenth);
    const last = times.slice(-tenth);
    const s = summarize(times);
    const ratio = round(median(last) / median(first), 3);
    return {
      name: invokeTier.name,
      title: invokeTier.title,
      headers: ['calls', 'p50 ms', 'p95 ms', 'p99 ms', 'first 10% p50 ms', 'last 10% p50 ms', 'last / first'],
      rows: [
        [
          count,
          round(s.median, 3),
          round(s.p95, 3),
          round(s.p99, 3),
          round(median(first), 3),
          round(median(last), 3),
          ratio,
        ],
      ],
      targets: [{ label: 'last 10% / first 10% (medians)', value: ratio, limit: 1.2, kind: 'at-most' }],
      notes: [
        `${count} calls after 50 warm-up calls; mean first 10% ${round(mean(first), 3)} ms, mean last 10% ${round(mean(last), 3)} ms; final count ${final}`,
      ],
      data: { summary: s, firstMedian: median(first), lastMedian: median(last) },
    };
  },
};

await runIfMain(import.meta.url, invokeTier);
