import { formatDiagnostic } from '@actorkit/project';
import type { Output, Style } from '../output.js';
import type { DevEvent, StateDiff } from './events.js';

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
      return [
        `${s.bold('emulator')} ${e.url} ${s.dim(`(${e.executor} executor; ${e.note})`)}`,
        ...(e.dashboard ? [`${s.bold('dashboard')} ${e.dashboard}`] : []),
      ];
    case 'watching':
      return [s.dim(`watching ${e.dir} — save a file to run again, Ctrl-C to stop`)];
    case 'round.started':
      return ['', `${s.cyan('●')} ${s.bold(`round ${e.round}`)} ${s.dim(e.reason)}`];
    case 'compile.finished':
      return e.ok
        ? [s.dim(`  compiled in ${e.ms} ms`)]
        : [
            s.red(`  compile failed (${e.ms} ms):`),
            ...e.diagnostics.map((d) => s.red(`    ${formatDiagnostic(d)}`)),
          ];
    case 'typecheck.finished':
      return e.diagnostics.length ? [] : [s.dim(`  type check clean (${e.ms} ms)`)];
    case 'build.started':
      return [`  ${s.yellow('building')} ${e.image} ${s.dim(`— ${e.reason}`)}`];
    case 'build.progress':
      return verbose ? [s.dim(`    ${e.line}`)] : [];
    case 'build.finished':
      return e.ok
        ? [s.dim(`  built ${e.image} in ${e.ms} ms`)]
        : [s.red(`  build of ${e.image} failed after ${e.ms} ms`)];
    case 'build.skipped':
      return [s.dim(`  ${e.reason}`)];
    case 'actor.registered':
    case 'actor.updated':
      return [
        s.dim(
          `  actor ${e.actorId} ${e.type === 'actor.registered' ? 'registered' : 'updated'} (revision ${e.revision}, ${e.ms} ms)`,
        ),
      ];
    case 'actor.ready':
      return e.status === 'READY' ? [] : [s.red(`  actor is ${e.status}: ${e.message ?? ''}`)];
    case 'execution.started':
      return [`  ${s.cyan('▶')} ${e.fixture} ${s.dim(`→ execution ${e.executionId}`)}`];
    case 'execution.log':
      return e.text
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => `    ${s.dim('│')} ${line}`);
    case 'execution.result':
      return e.kind === 'text' || e.kind === undefined
        ? [`    ${s.green('⇐')} result ${e.index + 1} (${e.bytes} B): ${e.preview}`]
        : [`    ${s.green('⇐')} result ${e.index + 1}: ${e.preview}`];
    case 'inspector.enabled':
      return [
        `  ${s.cyan('debugger')} ${e.how}`,
        s.dim(`    VS Code launch.json: ${JSON.stringify(e.launch)}`),
      ];
    case 'inspector.unavailable':
      return [`  ${s.yellow('debugger')} ${e.reason}`];
    case 'inspector.target':
      return [
        `    ${s.cyan('⏸')} debugger ${s.dim(`ws ${e.webSocketUrl.replace(/^ws:\/\//, '')}`)} — open in Chrome: ${e.devtoolsUrl}`,
      ];
    case 'state.changed':
      return e.diff.map((d) => `    ${s.yellow('state')} ${formatDiff(d)}`);
    case 'execution.completed': {
      const ok = e.status === 'COMPLETE' && e.exitCode === 0;
      const mark = ok ? s.green('✔') : s.red('✘');
      const why = e.statusMessage ? s.dim(` — ${e.statusMessage}`) : '';
      return [
        `  ${mark} ${e.status} exit ${e.exitCode ?? '-'} in ${e.ms} ms ${s.dim(`(runtime ${e.runtimeMs} ms, ${short(e.executionId)})`)}${why}`,
      ];
    }
    case 'round.finished':
      return [
        e.ok
          ? s.green(`✔ round ${e.round} ok in ${e.ms} ms`)
          : s.red(
              `✘ round ${e.round} failed${e.failed ? `: ${e.failed} execution(s) failed` : ''} (${e.ms} ms)`,
            ),
      ];
    case 'round.cancelled':
      return [s.dim(`  round ${e.round} cancelled: ${e.reason}`)];
    case 'error': {
      const head = e.kind === 'user' ? s.red(`  ${e.message}`) : s.red(`  internal error: ${e.message}`);
      return [head, ...(e.diagnostics ?? []).map((d) => s.red(`    ${formatDiagnostic(d)}`))];
    }
  }
}

/** A sink writing each event as lines, or as one JSON object per line (`--json`, for editors and scripts). */
export function eventPrinter(out: Output, json: boolean, verbose = false): (e: DevEvent) => void {
  if (json) return (e) => out.line(JSON.stringify({ time: new Date().toISOString(), ...e }));
  return (e) => {
    for (const line of renderEvent(e, out.style, verbose)) out.line(line);
  };
}
