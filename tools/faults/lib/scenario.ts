import { pathToFileURL } from 'node:url';
import { out } from '../../bench/lib/output.js';

/** One verified property of a scenario. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioResult {
  name: string;
  checks: Check[];
  /** Set when the scenario did not run, saying why (never silent). */
  notRun?: string;
  /** Counts and observations, printed under the checks. */
  report: string[];
  ms: number;
}

export interface FaultOptions {
  /** The CI form: fewer messages, same checks. */
  reduced: boolean;
  /** The fuzz seed to replay; random when absent. */
  seed?: number;
}

export interface Scenario {
  name: string;
  title: string;
  run(options: FaultOptions, checks: CheckList, report: (line: string) => void): Promise<void>;
}

/** Collects checks as a scenario runs, printing each as it is decided. */
export class CheckList {
  readonly checks: Check[] = [];
  check(name: string, ok: boolean, detail = ''): boolean {
    this.checks.push({ name, ok, detail });
    out.line(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
    return ok;
  }
}

export function passed(r: ScenarioResult): boolean {
  return r.notRun === undefined && r.checks.length > 0 && r.checks.every((c) => c.ok);
}

export function parseFaultArgs(argv: string[]): FaultOptions & { names: string[] } {
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : undefined;
  if (seed !== undefined && !Number.isInteger(seed))
    throw new Error(`--seed takes an integer, got ${argv[seedAt + 1]}`);
  const names = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--seed');
  return { reduced: argv.includes('--reduced'), seed, names };
}

/** Runs a scenario, turning a thrown error into a failed check (the suite goes on with the next scenario). */
export async function runScenario(s: Scenario, options: FaultOptions): Promise<ScenarioResult> {
  out.heading(`${s.name}: ${s.title}${options.reduced ? ' (reduced)' : ''}`);
  const checks = new CheckList();
  const report: string[] = [];
  const started = performance.now();
  let notRun: string | undefined;
  try {
    await s.run(options, checks, (line) => {
      report.push(line);
      out.line(`  ${line}`);
    });
  } catch (error) {
    if (error instanceof NotRun) notRun = error.message;
    else checks.check('the scenario ran to its end', false, (error as Error).stack ?? String(error));
  }
  if (notRun) out.line(`  NOT RUN: ${notRun}`);
  return { name: s.name, checks: checks.checks, report, notRun, ms: performance.now() - started };
}

/** Thrown by a scenario that is gated off: its message says why and how to run it. */
export class NotRun extends Error {
  override readonly name = 'NotRun';
}

/** Runs the scenario when its file is the one Node was started with; exits 1 when a check failed. */
export async function runIfMain(moduleUrl: string, s: Scenario): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const result = await runScenario(s, parseFaultArgs(process.argv.slice(2)));
  const failed = result.notRun === undefined && !passed(result);
  out.line(
    result.notRun ? '0 passed, 0 failed, 1 skipped' : `${failed ? 0 : 1} passed, ${failed ? 1 : 0} failed`,
  );
  process.exitCode = failed ? 1 : 0;
}
