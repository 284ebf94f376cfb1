import { isRecord, num, text } from './loose.js';
import { Observable } from './observable.js';
import { readEventStream } from './sse.js';
import { asChanges, type StateChange } from './state-diff.js';

/** Where `actorkit dev` publishes its rounds, on the emulator it runs; 204 (no content) elsewhere. */
export const DEV_EVENTS_PATH = '/_actorkit/dev/events';
const RECONNECT_MS = 2000;

export interface DevExecution {
  executionId: string;
  fixture: string;
  logs: string;
  results: { index: number; bytes: number; preview: string }[];
  status: string | null;
  exitCode: number | null;
  ms: number | null;
  runtimeMs: number | null;
  statusMessage: string;
  changes: StateChange[] | null;
}

export interface DevStep {
  kind: 'compile' | 'build' | 'actor' | 'typecheck' | 'error';
  ok: boolean;
  text: string;
  detail: string[];
}

export interface DevRound {
  round: number;
  reason: string;
  actorId: string | null;
  steps: DevStep[];
  executions: DevExecution[];
  /** null while it runs. */
  verdict: { ok: boolean; ms: number; failed: number } | { cancelled: string } | null;
  startedAt: number;
}

export interface DevFeedState {
  /** 'absent': this emulator was not started by `actorkit dev`. */
  connection: 'connecting' | 'open' | 'absent' | 'closed';
  emulator: { url: string; executor: string; note: string } | null;
  watching: string | null;
  rounds: DevRound[];
  errors: string[];
}

const MAX_ROUNDS = 20;

function diagnosticLines(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.map((d) => {
    if (!isRecord(d)) return String(d);
    const where = [text(d.file), num(d.line), num(d.column)].filter((x) => x !== '' && x !== null).join(':');
    return `${where ? `${where} ` : ''}${text(d.message, JSON.stringify(d))}`;
  });
}

/** Folds one dev-loop event (the harness's `DevEvent`, read loosely) into the rounds. */
export function applyDevEvent(state: DevFeedState, event: unknown): DevFeedState {
  if (!isRecord(event)) return state;
  const type = text(event.type);
  const roundNo = num(event.round);
  if (type === 'emulator.ready') {
    return {
      ...state,
      emulator: { url: text(event.url), executor: text(event.executor), note: text(event.note) },
    };
  }
  if (type === 'watching') return { ...state, watching: text(event.dir) };
  if (type === 'round.started' && roundNo !== null) {
    const round: DevRound = {
      round: roundNo,
      reason: text(event.reason),
      actorId: null,
      steps: [],
      executions: [],
      verdict: null,
      startedAt: Date.now(),
    };
    const rounds = [...state.rounds.filter((r) => r.round !== roundNo), round].slice(-MAX_ROUNDS);
    return { ...state, rounds };
  }
  if (type === 'error' && roundNo === null) {
    return { ...state, errors: [...state.errors, text(event.message)].slice(-10) };
  }
  const index = state.rounds.findIndex((r) => r.round === roundNo);
  if (index === -1) return state;
  const round = { ...state.rounds[index]! };
  const step = (s: DevStep) => (round.steps = [...round.steps, s]);
  const exec = (id: string, change: (e: DevExecution) => DevExecution) => {
    round.executions = round.executions.map((e) => (e.executionId === id ? change(e) : e));
  };
  const executionId = text(event.executionId);
  switch (type) {
    case 'compile.finished':
      step({
        kind: 'compile',
        ok: event.ok === true,
        text:
          event.ok === true
            ? `compiled in ${num(event.ms) ?? '?'} ms`
            : `compile failed (${num(event.ms) ?? '?'} ms)`,
        detail: diagnosticLines(event.diagnostics),
      });
      break;
    case 'typecheck.finished': {
      const detail = diagnosticLines(event.diagnostics);
      step({
        kind: 'typecheck',
        ok: detail.length === 0,
        text: detail.length
          ? `type check: ${detail.length} problem(s)`
          : `type check clean (${num(event.ms) ?? '?'} ms)`,
        detail,
      });
      break;
    }
    case 'build.started':
      step({
        kind: 'build',
        ok: true,
        text: `building ${text(event.image)} — ${text(event.reason)}`,
        detail: [],
      });
      break;
    case 'build.finished':
      step({
        kind: 'build',
        ok: event.ok === true,
        text:
          event.ok === true
            ? `built ${text(event.image)} in ${num(event.ms) ?? '?'} ms`
            : `build of ${text(event.image)} failed after ${num(event.ms) ?? '?'} ms`,
        detail: event.message ? [text(event.message)] : [],
      });
      break;
    case 'build.skipped':
      step({ kind: 'build', ok: true, text: text(event.reason, 'image up to date'), detail: [] });
      break;
    case 'actor.registered':
    case 'actor.updated':
      round.actorId = text(event.actorId) || round.actorId;
      step({
        kind: 'actor',
        ok: true,
        text: `actor ${text(event.actorId)} ${type === 'actor.registered' ? 'registered' : 'updated'} (revision ${num(event.revision) ?? '?'})`,
        detail: [],
      });
      break;
    case 'actor.ready':
      if (text(event.status) !== 'READY') {
        step({
          kind: 'actor',
          ok: false,
          text: `actor is ${text(event.status)}`,
          detail: [text(event.message)],
        });
      }
      break;
    case 'execution.started':
      round.executions = [
        ...round.executions,
        {
          executionId,
          fixture: text(event.fixture),
          logs: '',
          results: [],
          status: null,
          exitCode: null,
          ms: null,
          runtimeMs: null,
          statusMessage: '',
          changes: null,
        },
      ];
      break;
    case 'execution.log':
      exec(executionId, (e) => ({ ...e, logs: e.logs + text(event.text) }));
      break;
    case 'execution.result':
      exec(executionId, (e) => ({
        ...e,
        results: [
          ...e.results,
          { index: num(event.index) ?? 0, bytes: num(event.bytes) ?? 0, preview: text(event.preview) },
        ],
      }));
      break;
    case 'execution.completed':
      exec(executionId, (e) => ({
        ...e,
        status: text(event.status),
        exitCode: num(event.exitCode),
        ms: num(event.ms),
        runtimeMs: num(event.runtimeMs),
        statusMessage: text(event.statusMessage),
      }));
      break;
    case 'state.changed':
      exec(executionId, (e) => ({ ...e, changes: asChanges(event.diff) }));
      break;
    case 'round.finished':
      round.verdict = { ok: event.ok === true, ms: num(event.ms) ?? 0, failed: num(event.failed) ?? 0 };
      break;
    case 'round.cancelled':
      round.verdict = { cancelled: text(event.reason) };
      break;
    case 'error':
      step({
        kind: 'error',
        ok: false,
        text: text(event.message),
        detail: diagnosticLines(event.diagnostics),
      });
      break;
    default:
      return state;
  }
  const rounds = [...state.rounds];
  rounds[index] = round;
  return { ...state, rounds };
}

export const INITIAL_DEV_STATE: DevFeedState = {
  connection: 'connecting',
  emulator: null,
  watching: null,
  rounds: [],
  errors: [],
};

/** The dev loop's rounds as they come; one stream, reconnected (never faster than every 2 s) when it drops. */
export function connectDevFeed(token: string): { feed: Observable<DevFeedState>; close(): void } {
  const feed = new Observable<DevFeedState>(INITIAL_DEV_STATE);
  const abort = new AbortController();
  void (async () => {
    while (!abort.signal.aborted) {
      const end = await readEventStream(
        DEV_EVENTS_PATH,
        { authorization: `Bearer ${token}` },
        (message) => {
          // `hello` opens every stream, before the history is replayed: start from nothing, so nothing counts twice
          if (message.event === 'hello') {
            feed.set({ ...INITIAL_DEV_STATE, connection: 'open' });
            return;
          }
          if (message.event !== 'dev') return;
          let event: unknown;
          try {
            event = JSON.parse(message.data);
          } catch (cause) {
            void cause; // not one of ours
            return;
          }
          feed.update((s) => applyDevEvent(s, event));
        },
        abort.signal,
      );
      if (abort.signal.aborted) return;
      if (end.kind === 'refused' && [204, 404, 401, 403].includes(end.status)) {
        // 204: this emulator has no dev loop (only `actorkit dev` starts one that does)
        feed.update((s) => ({
          ...s,
          connection: end.status === 204 || end.status === 404 ? 'absent' : 'closed',
        }));
        return;
      }
      feed.update((s) => ({ ...s, connection: s.rounds.length ? 'closed' : 'connecting' }));
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  })();
  return { feed, close: () => abort.abort() };
}
