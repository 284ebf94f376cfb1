import type { ActorsClient, Execution } from '@actorkit/api';
import { decodeResult, type DecodedResult } from './decode-result.js';
import { errorText, isNotFound } from './api.js';
import { Observable } from './observable.js';
import { diffState, type StateChange } from './state-diff.js';

const FINAL = ['COMPLETE', 'ERROR'];
/** Blocking reads held at once: a browser opens about 6 connections per server, and the page needs some for itself. */
const MAX_BLOCKING = 3;
/** Between reads when a read was not held (the server does not offer blocking reads, or the budget is used). */
const PAUSE_MS = 1000;
const WAIT_SECONDS = 20;

export function isFinal(status: unknown): boolean {
  return typeof status === 'string' && FINAL.includes(status);
}

/** The state before and after an execution, as this page read it, and what changed. */
export interface StateWitness {
  before: unknown;
  /** When the "before" was read: 'sent' (just before this page sent the message) or the status first seen. */
  beforeAt: 'sent' | string;
  after?: unknown;
  changes?: StateChange[];
}

/** What the page knows of one execution it follows. */
export interface Tracked {
  actorId: string;
  executionId: string;
  execution: Execution | null;
  /** Each status the page saw, in order, with when it saw it. */
  seen: { status: string; at: number }[];
  logs: string;
  /** Results this page took (reading a result removes it, as on the service). */
  results: DecodedResult[];
  /** Whether the results were taken (automatically for messages this page sent). */
  resultsTaken: boolean;
  sentByPage: boolean;
  state: StateWitness | null;
  /** Held reads in flight: the view says "live". */
  live: boolean;
  error: string | null;
}

function keyOf(actorId: string, executionId: string): string {
  return `${actorId}/${executionId}`;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Follows executions through the API's blocking reads (`watchExecution`: the emulator holds each read until the
 * execution or its log changes), so statuses and logs arrive as they happen and nothing is asked in between. Each
 * execution is followed once, until it ends, whichever view asked; views render the observable entries.
 */
export class ExecutionTracker {
  private readonly entries = new Map<string, Observable<Tracked>>();
  private blocking = 0;
  private readonly abort = new AbortController();
  /** Bumped on every change of any entry: lists re-render with the freshest status they know. */
  readonly version = new Observable(0);

  constructor(private readonly client: ActorsClient) {}

  /** The entry of an execution, following it when not already. */
  follow(
    actorId: string,
    executionId: string,
    options: { sentByPage?: boolean; stateful?: boolean; before?: StateWitness | null } = {},
  ): Observable<Tracked> {
    const key = keyOf(actorId, executionId);
    let entry = this.entries.get(key);
    if (entry) return entry;
    entry = new Observable<Tracked>({
      actorId,
      executionId,
      execution: null,
      seen: [],
      logs: '',
      results: [],
      resultsTaken: false,
      sentByPage: options.sentByPage ?? false,
      state: options.before ?? null,
      live: false,
      error: null,
    });
    this.entries.set(key, entry);
    entry.subscribe(() => this.version.update((n) => n + 1));
    void this.run(entry, options.stateful ?? false);
    return entry;
  }

  get(actorId: string, executionId: string): Observable<Tracked> | undefined {
    return this.entries.get(keyOf(actorId, executionId));
  }

  /** A synchronous message's answer is its first result, already taken: keep it with the execution. */
  addResult(actorId: string, executionId: string, bytes: Uint8Array): void {
    this.follow(actorId, executionId, { sentByPage: true }).update((t) => ({
      ...t,
      results: [...t.results, decodeResult(bytes)],
    }));
  }

  /** Takes the next result (it is removed from the execution, as the service does); false when none was left. */
  async takeResult(actorId: string, executionId: string): Promise<boolean> {
    const entry = this.follow(actorId, executionId);
    const bytes = await this.client.getOneExecutionResult(actorId, executionId);
    entry.update((t) => ({
      ...t,
      resultsTaken: true,
      results: bytes.byteLength ? [...t.results, decodeResult(bytes)] : t.results,
    }));
    return bytes.byteLength > 0;
  }

  dispose(): void {
    this.abort.abort();
  }

  private async run(entry: Observable<Tracked>, stateful: boolean): Promise<void> {
    const { actorId, executionId } = entry.value;
    const signal = this.abort.signal;
    let etag: string | null = null;
    let logsEtag: string | null = null;
    for (;;) {
      if (signal.aborted) return;
      const hold = this.blocking < MAX_BLOCKING;
      if (hold) this.blocking += 1;
      entry.update((t) => ({ ...t, live: hold }));
      let watch;
      try {
        watch = await this.client.watchExecution(actorId, executionId, {
          etag: hold ? etag : null,
          waitSeconds: hold ? WAIT_SECONDS : 0,
          signal,
        });
      } catch (error) {
        if (signal.aborted) return;
        entry.update((t) => ({ ...t, live: false, error: errorText(error) }));
        if (isNotFound(error)) return; // deleted with its actor
        await pause(PAUSE_MS * 3, signal);
        continue;
      } finally {
        if (hold) this.blocking -= 1;
      }
      etag = watch.etag;
      const execution = watch.execution;
      if (execution) {
        const first = entry.value.execution === null;
        entry.update((t) => {
          const last = t.seen[t.seen.length - 1];
          const seen =
            last?.status === execution.status
              ? t.seen
              : [...t.seen, { status: execution.status, at: Date.now() }];
          return { ...t, execution, seen, error: null };
        });
        if (first && stateful && !entry.value.state && !isFinal(execution.status)) {
          await this.readBefore(entry, execution.status);
        }
        if (etag === null || etag !== logsEtag) {
          await this.readLogs(entry);
          logsEtag = etag;
        }
        if (isFinal(execution.status)) {
          await this.finish(entry, stateful);
          return;
        }
      }
      if (!watch.blocking || !hold) await pause(PAUSE_MS, signal);
    }
  }

  private async readLogs(entry: Observable<Tracked>): Promise<void> {
    const { actorId, executionId } = entry.value;
    try {
      const { logs } = await this.client.getExecutionLogs(actorId, executionId);
      if (logs !== entry.value.logs) entry.update((t) => ({ ...t, logs }));
    } catch (error) {
      entry.update((t) => ({ ...t, error: `logs: ${errorText(error)}` }));
    }
  }

  private async readBefore(entry: Observable<Tracked>, status: string): Promise<void> {
    try {
      const { state } = await this.client.getState(entry.value.actorId);
      entry.update((t) => ({ ...t, state: { before: state, beforeAt: status } }));
    } catch (error) {
      void error; // a stateless actor, or no READ: the view shows no state change
    }
  }

  private async finish(entry: Observable<Tracked>, stateful: boolean): Promise<void> {
    const { actorId, executionId, sentByPage } = entry.value;
    entry.update((t) => ({ ...t, live: false }));
    if (sentByPage && !entry.value.resultsTaken) {
      // Like `actorkit send --wait`: the sender takes its results.
      try {
        while (await this.takeResult(actorId, executionId)) {
          /* next */
        }
      } catch (error) {
        entry.update((t) => ({ ...t, error: `results: ${errorText(error)}` }));
      }
    }
    const witness = entry.value.state;
    if (stateful && witness) {
      try {
        const { state } = await this.client.getState(actorId);
        entry.update((t) => ({
          ...t,
          state: { ...witness, after: state, changes: diffState(witness.before, state) },
        }));
      } catch (error) {
        entry.update((t) => ({ ...t, error: `state: ${errorText(error)}` }));
      }
    }
  }
}
