/**
 * The fault suite: `npm run faults` (full), `npm run faults -- --reduced` (the CI form), `npm run faults -- fuzz
 * --seed 42` (some scenarios, a replayed seed). Prints a table of scenario / checks / result and the closing line
 * `N passed, M failed, K skipped`; exits 1 when a check failed.
 */
import { removeLabelled } from '../bench/lib/docker-cli.js';
import { BENCH_LABEL } from '../bench/lib/bench-images.js';
import { out } from '../bench/lib/output.js';
import { concurrency } from './concurrency.js';
import { crash } from './crash.js';
import { diskFull } from './disk-full.js';
import { engineRestart } from './engine-restart.js';
import { fuzz } from './fuzz.js';
import { hostile } from './hostile.js';
import { parseFaultArgs, passed, runScenario, type ScenarioResult } from './lib/scenario.js';

const ALL = [fuzz, hostile, concurrency, crash, diskFull, engineRestart];

const args = parseFaultArgs(process.argv.slice(2));
const unknown = args.names.filter((n) => !ALL.some((s) => s.name === n));
if (unknown.length) {
  out.error(
    `unknown scenario(s): ${unknown.join(', ')}; the scenarios are ${ALL.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}
const chosen = args.names.length ? ALL.filter((s) => args.names.includes(s.name)) : ALL;
out.line(
  `fault suite${args.reduced ? ' (reduced, the CI form)' : ''}: ${chosen.map((s) => s.name).join(', ')}`,
);
const started = performance.now();
const results: ScenarioResult[] = [];
for (const scenario of chosen) results.push(await runScenario(scenario, args));
await removeLabelled(BENCH_LABEL);

out.heading('fault suite results');
out.table(
  ['scenario', 'checks', 'result', 'time s'],
  results.map((r) => [
    r.name,
    r.notRun ? '-' : `${r.checks.filter((c) => c.ok).length}/${r.checks.length}`,
    r.notRun ? `NOT RUN: ${r.notRun.slice(0, 60)}…` : passed(r) ? 'PASS' : 'FAIL',
    Math.round(r.ms / 100) / 10,
  ]),
);
const skipped = results.filter((r) => r.notRun).length;
const ok = results.filter(passed).length;
const failed = results.length - ok - skipped;
out.line(`total ${Math.round((performance.now() - started) / 1000)} s`);
out.line(`${ok} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
