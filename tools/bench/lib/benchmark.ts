import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeMachine, machineLine, type Machine } from './machine.js';
import { formatNumber, out, type Cell } from './output.js';
import { REPO_ROOT } from './emulator-process.js';

/** A figure held against a target: `value` at most (or at least) `limit`. */
export interface Target {
  label: string;
  value: number;
  limit: number;
  kind: 'at-most' | 'at-least';
  unit?: string;
}

export interface BenchResult {
  name: string;
  title: string;
  headers: string[];
  rows: Cell[][];
  targets: Target[];
  /** How it was measured (counts, poll interval, ...), printed and written to the doc. */
  notes: string[];
  data: Record<string, unknown>;
}

export interface BenchOptions {
  /** Small counts, for development: the figures are not the ones the doc reports. */
  quick: boolean;
}

export interface Benchmark {
  name: string;
  title: string;
  /** What it measures and what its reference is: one paragraph for the doc. */
  about: string;
  /** What bounds the figure, and why a target is missed when it is: one paragraph for the doc. */
  analysis?: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

export function met(t: Target): boolean {
  return t.kind === 'at-most' ? t.value <= t.limit : t.value >= t.limit;
}

/** "met" or "MISSED by N%" (how far past the limit, relative to it). */
export function verdict(t: Target): string {
  if (met(t)) return 'met';
  const by = t.kind === 'at-most' ? t.value / t.limit - 1 : 1 - t.value / t.limit;
  return `MISSED by ${(by * 100).toFixed(1)}%`;
}

export function targetLine(t: Target): string {
  const unit = t.unit ? ` ${t.unit}` : '';
  const sign = t.kind === 'at-most' ? '≤' : '≥';
  return `${t.label}: ${formatNumber(t.value)}${unit} (target ${sign} ${formatNumber(t.limit)}${unit}) — ${verdict(t)}`;
}

export function printResult(r: BenchResult): void {
  out.heading(`${r.name}: ${r.title}`);
  out.table(r.headers, r.rows);
  for (const note of r.notes) out.line(`note: ${note}`);
  for (const t of r.targets) out.line(`TARGET ${targetLine(t)}`);
}

export interface RunRecord {
  date: string;
  machine: Machine;
  results: BenchResult[];
}

/** Writes one run's figures to .actorkit/bench/results/<date>-<label>.json; answers the path. */
export async function saveRun(record: RunRecord, label: string): Promise<string> {
  const dir = join(REPO_ROOT, '.actorkit', 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${record.date.replace(/[:.]/g, '-')}-${label}.json`);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

export function parseBenchArgs(argv: string[]): { quick: boolean; names: string[] } {
  return { quick: argv.includes('--quick'), names: argv.filter((a) => !a.startsWith('--')) };
}

/** Runs the benchmark when its file is the one Node was started with (`node ... tools/bench/<name>.ts`). */
export async function runIfMain(moduleUrl: string, bench: Benchmark): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const { quick } = parseBenchArgs(process.argv.slice(2));
  const machine = await describeMachine();
  out.line(`machine: ${machineLine(machine)}`);
  const result = await bench.run({ quick });
  printResult(result);
  const file = await saveRun({ date: new Date().toISOString(), machine, results: [result] }, bench.name);
  out.line(`figures saved to ${file}`);
}
