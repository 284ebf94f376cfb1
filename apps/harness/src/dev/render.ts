import { formatDiagnostic } from '@actorkit/build';
import type { DevEvent, StateDiff } from './events.js';

export interface Style {
  dim(s: string): string;
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const plain: Style = { dim: (s) => s, bold: (s) => s, red: (s) => s, green: (s) => s, yellow: (s) => s, cyan: (s) => s };
const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const ansi: Style = {
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};

/** Colours only when writing to a terminal, and never when NO_COLOR is set. */
export function styleFor(stream: NodeJS.WriteStream): Style {
  return stream.isTTY && !process.env.NO_COLOR ? ansi : plain;
}


function formatValue(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? 'undefined' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function formatDiff(d: StateDiff): string {
  if (d.op === 'added') return `+ ${d.path} = ${formatValue(d.after)}`;
  if (d.op === 'removed') return `- ${d.path} (was ${formatValue(d.before)})`;
  return `~ ${d.path}: ${formatValue(d.before)} → ${formatValue(d.after)}`;
}

const short = (id: string) => id.slice(0, 8);

/** One event as terminal lines; empty when the event is not worth a line (build progress outside verbose). */
export function renderEvent(e: DevEvent, s: Style, verbose = false): string[] {
  switch (e.type) {
    case 'emulator.ready':
      return [`${s.bold('emulator')} ${e.url} ${s.dim(`(${e.executor} executor; ${e.note})`)}`];
    case 'watching':
      return [s.dim(`watching ${e.dir} — save a file to run again, Ctrl-C to stop`)];
    case 'round.started':
      return ['', `${s.cyan('●')} ${s.bold(`round ${e.round}`)} ${s.dim(e.reason)}`];
    case 'compile.finished':
      return e.ok
        ? [s.dim(`  compiled in ${e.ms} ms`)]
        : [s.red(`  compile failed (${e.ms} ms):`), ...e.diagnostics.map((d) => s.red(`    ${formatDiagnostic(d)}`))];
    case 'typecheck.finished':
      return e.diagnostics.length ? [] : [s.dim(`  type check clean (${e.ms} ms)`)];
    case 'build.started':
      return [`  ${s.yellow('building')} ${e.image} ${s.dim(`— ${e.reason}`)}`];
    case 'build.progress':
      return verbose ? [s.dim(`    ${e.line}`)] : [];
    case 'build.finished':
      return e.ok ? [s.dim(`  built ${e.image} in ${e.ms} ms`)] : [s.red(`  build of ${e.image} failed after ${e.ms} ms`)];
    case 'build.skipped':
      return [s.dim(`  ${e.reason}`)];
    case 'actor.registered':
    case 'actor.updated':
      return [s.dim(`  actor ${e.actorId} ${e.type === 'actor.registered' ? 'registered' : 'updated'} (revision ${e.revision}, ${e.ms} ms)`)];
    case 'actor.ready':
      return e.status === 'READY' ? [] : [s.red(`  actor is ${e.status}: ${e.message ?? ''}`)];
    case 'execution.started':
      return [`  ${s.cyan('▶')} ${e.fixture} ${s.dim(`→ execution ${e.executionId}`)}`];
    case 'execution.log':
      return e.text.replace(/\n$/, '').split('\n').map((line) => `    ${s.dim('│')} ${line}`);
    case 'execution.result':
      return [`    ${s.green('⇐')} result ${e.index + 1} (${e.bytes} B): ${e.preview}`];
    case 'state.changed':
      return e.diff.map((d) => `    ${s.yellow('state')} ${formatDiff(d)}`);
    case 'execution.completed': {
      const ok = e.status === 'COMPLETE' && e.exitCode === 0;
      const mark = ok ? s.green('✔') : s.red('✘');
      const why = e.statusMessage ? s.dim(` — ${e.statusMessage}`) : '';
      return [`  ${mark} ${e.status} exit ${e.exitCode ?? '-'} in ${e.ms} ms ${s.dim(`(runtime ${e.runtimeMs} ms, ${short(e.executionId)})`)}${why}`];
    }
    case 'round.finished':
      return [e.ok ? s.green(`✔ round ${e.round} ok in ${e.ms} ms`) : s.red(`✘ round ${e.round} failed${e.failed ? `: ${e.failed} execution(s) failed` : ''} (${e.ms} ms)`)];
    case 'round.cancelled':
      return [s.dim(`  round ${e.round} cancelled: ${e.reason}`)];
    case 'error': {
      const head = e.kind === 'user' ? s.red(`  ${e.message}`) : s.red(`  internal error: ${e.message}`);
      return [head, ...(e.diagnostics ?? []).map((d) => s.red(`    ${formatDiagnostic(d)}`))];
    }
  }
}

/** A sink writing each event as lines (terminal) or as one JSON object per line (`--json`). */
export function eventPrinter(stream: NodeJS.WriteStream, json: boolean, verbose = false): (e: DevEvent) => void {
  if (json) return (e) => stream.write(`${JSON.stringify({ time: new Date().toISOString(), ...e })}\n`);
  const style = styleFor(stream);
  return (e) => {
    const lines = renderEvent(e, style, verbose);
    if (lines.length) stream.write(`${lines.join('\n')}\n`);
  };
}
