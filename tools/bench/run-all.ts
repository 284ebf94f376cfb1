/**
 * `npm run bench`: every benchmark, one after another, then docs/benchmarks.md regenerated from the figures.
 * `npm run bench -- <name> [<name>...]` runs only those (the doc is left alone); `--quick` uses small counts (for
 * development; never written to the doc); `--no-wait` skips waiting for a quiet machine; `--report <run.json>`
 * re-renders the doc from a saved full run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiLoad } from './api-load.js';
import { cliStart } from './cli-start.js';
import { devLoop } from './dev-loop.js';
import { devLoopPython } from './dev-loop-python.js';
import { dockerLatency } from './docker-latency.js';
import { invokeTier } from './invoke-tier.js';
import { memory } from './memory.js';
import { processLatency } from './process-latency.js';
import { throughput } from './throughput.js';
import {
  parseBenchArgs,
  printResult,
  saveRun,
  targetLine,
  type BenchResult,
  type RunRecord,
} from './lib/benchmark.js';
import { REPO_ROOT } from './lib/emulator-process.js';
import { waitForQuietMachine } from './lib/load-wait.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { out } from './lib/output.js';
import { renderReport } from './lib/report.js';

export const BENCHMARKS = [
  dockerLatency,
  processLatency,
  throughput,
  apiLoad,
  invokeTier,
  memory,
  devLoop,
  devLoopPython,
  cliStart,
];

const args = parseBenchArgs(process.argv.slice(2));
const reportAt = process.argv.indexOf('--report');
if (reportAt >= 0) {
  // Re-renders docs/benchmarks.md from a saved full run (after its explanations changed), without measuring again.
  const file = process.argv[reportAt + 1] ?? '';
  const record = JSON.parse(await readFile(file, 'utf8')) as RunRecord;
  await writeFile(join(REPO_ROOT, 'docs', 'benchmarks.md'), renderReport(record, BENCHMARKS));
  out.line(`wrote docs/benchmarks.md from ${file}`);
  process.exit(0);
}
const unknown = args.names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length) {
  out.error(
    `unknown benchmark(s): ${unknown.join(', ')}; the benchmarks are ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
const chosen = args.names.length ? BENCHMARKS.filter((b) => args.names.includes(b.name)) : BENCHMARKS;
const full = chosen.length === BENCHMARKS.length && !args.quick;
if (full && !process.argv.includes('--no-wait')) await waitForQuietMachine();
const machine = await describeMachine();
const date = new Date().toISOString();
out.line(`machine: ${machineLine(machine)}`);
const results: BenchResult[] = [];
const failures: string[] = [];
const started = performance.now();
for (const bench of chosen) {
  const t = performance.now();
  try {
    const result = await bench.run({ quick: args.quick });
    results.push(result);
    printResult(result);
  } catch (error) {
    failures.push(`${bench.name}: ${(error as Error).stack ?? String(error)}`);
    out.error(`benchmark ${bench.name} failed: ${(error as Error).stack ?? String(error)}`);
  }
  out.line(`(${bench.name} took ${Math.round((performance.now() - t) / 1000)} s)`);
}
out.heading('targets');
for (const r of results) for (const t of r.targets) out.line(`${r.name}: ${targetLine(t)}`);
const file = await saveRun(
  { date, machine, results },
  args.quick ? 'quick' : full ? 'all' : chosen.map((b) => b.name).join('+'),
);
out.line(`figures saved to ${file}; ${Math.round((performance.now() - started) / 1000)} s in all`);
if (full && failures.length === 0) {
  const doc = join(REPO_ROOT, 'docs', 'benchmarks.md');
  await writeFile(doc, renderReport({ date, machine, results }, BENCHMARKS));
  out.line(`wrote ${doc}`);
} else if (!full) {
  out.line('docs/benchmarks.md is written only by a full run (npm run bench, no names, no --quick)');
}
process.exitCode = failures.length ? 1 : 0;
