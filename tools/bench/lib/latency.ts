import type { BenchResult } from './benchmark.js';
import type { RawApi } from './raw-api.js';
import { round, summarize } from './stats.js';

export interface LatencySamples {
  /** POST to COMPLETE seen by polling, ms. */
  emulator: number[];
  /** messageReceivedTime to finishTime, as the emulator records them, ms. */
  server: number[];
  /** The execution's runtime, ms. */
  runtime: number[];
  /** The reference, ms. */
  reference: number[];
}

export interface TimedMessage {
  ms: number;
  serverMs: number;
  runtimeMs: number;
}

/** Sends one message and polls until it is final; fails unless it is COMPLETE with exit code 0. */
export async function timeMessage(
  api: RawApi,
  actorId: string,
  message: string,
  pollMs: number,
): Promise<TimedMessage> {
  const started = performance.now();
  const id = await api.send(actorId, message);
  const e = await api.waitFinal(actorId, id, pollMs);
  const ms = performance.now() - started;
  if (e.status !== 'COMPLETE' || e.exitCode !== 0) {
    throw new Error(
      `execution ${id} ended ${e.status} (exit ${String(e.exitCode)}): ${e.statusMessage ?? ''}`,
    );
  }
  const serverMs = Date.parse(e.finishTime ?? '') - Date.parse(e.messageReceivedTime);
  return { ms, serverMs, runtimeMs: e.runtime };
}

export interface LatencyReport {
  name: string;
  title: string;
  referenceLabel: string;
  samples: LatencySamples;
  limit: number;
  notes: string[];
}

/** The table (median, p95 of each series) and the two ratio targets (median and p95) of a latency benchmark. */
export function latencyResult(r: LatencyReport): BenchResult {
  const s = {
    emulator: summarize(r.samples.emulator),
    server: summarize(r.samples.server),
    runtime: summarize(r.samples.runtime),
    reference: summarize(r.samples.reference),
  };
  const row = (label: string, x: { median: number; p95: number; min: number; max: number }) => [
    label,
    round(x.median),
    round(x.p95),
    round(x.min),
    round(x.max),
  ];
  const medianRatio = round(s.emulator.median / s.reference.median, 3);
  const p95Ratio = round(s.emulator.p95 / s.reference.p95, 3);
  return {
    name: r.name,
    title: r.title,
    headers: ['series', 'median ms', 'p95 ms', 'min ms', 'max ms'],
    rows: [
      row('emulator: POST to COMPLETE seen', s.emulator),
      row(`reference: ${r.referenceLabel}`, s.reference),
      row('emulator, server side (received to finished)', s.server),
      row('execution runtime (recorded)', s.runtime),
      ['ratio emulator / reference', medianRatio, p95Ratio, '', ''],
    ],
    targets: [
      { label: 'median ratio', value: medianRatio, limit: r.limit, kind: 'at-most' },
      { label: 'p95 ratio', value: p95Ratio, limit: r.limit, kind: 'at-most' },
    ],
    notes: r.notes,
    data: { summaries: s, samples: r.samples },
  };
}
