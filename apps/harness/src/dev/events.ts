/**
 * Everything the dev loop reports, as one typed union. The terminal view and `--json` both render these; each
 * round's events carry its number so a stale round's late events can be told apart.
 */

import type { Diagnostic } from '@actorkit/project';

export type { Diagnostic };

export type DevEvent =
  | { type: 'emulator.ready'; url: string; executor: string; note: string; dashboard?: string }
  | { type: 'watching'; dir: string }
  | { type: 'round.started'; round: number; reason: string }
  | { type: 'compile.finished'; round: number; ms: number; ok: boolean; diagnostics: Diagnostic[] }
  | { type: 'typecheck.finished'; round: number; ms: number; diagnostics: Diagnostic[] }
  | { type: 'build.started'; round: number; image: string; reason: string }
  | { type: 'build.progress'; round: number; line: string }
  | { type: 'build.finished'; round: number; image: string; ms: number; ok: boolean; message?: string }
  | { type: 'build.skipped'; round: number; image: string; reason: string }
  | { type: 'actor.registered'; round: number; actorId: string; image: string; revision: number; ms: number }
  | { type: 'actor.updated'; round: number; actorId: string; image: string; revision: number; ms: number }
  | { type: 'actor.ready'; round: number; actorId: string; status: string; ms: number; message?: string }
  | { type: 'execution.started'; round: number; executionId: string; fixture: string }
  | { type: 'execution.log'; round: number; executionId: string; text: string }
  | {
      type: 'execution.result';
      round: number;
      executionId: string;
      index: number;
      bytes: number;
      preview: string;
      /** What the bytes look like: text (JSON included), a Python pickle, or other bytes (preview in hex). */
      kind?: ResultKind;
    }
  | {
      type: 'execution.completed';
      round: number;
      executionId: string;
      fixture: string;
      status: string;
      exitCode: number | null;
      /** From sending the message to COMPLETE, as the user waits for it. */
      ms: number;
      /** The execution's own runtime, as the service measures it. */
      runtimeMs: number;
      statusMessage?: string;
    }
  | { type: 'state.changed'; round: number; executionId: string; diff: StateDiff[] }
  | {
      /** `--inspect`: the debugger each execution starts under, and how to attach (once, and on each change). */
      type: 'inspector.enabled';
      round: number;
      language: 'node' | 'python';
      port: number;
      /** `--inspect-brk`: the actor waits for a debugger before it runs. */
      wait: boolean;
      how: string;
      /** A VS Code launch.json "attach" configuration for it. */
      launch: Record<string, unknown>;
    }
  | { type: 'inspector.unavailable'; round: number; reason: string }
  | {
      /** A Node inspector target appeared (an execution's actor): open the URL in Chrome, or attach to the socket. */
      type: 'inspector.target';
      round: number;
      port: number;
      title: string;
      devtoolsUrl: string;
      webSocketUrl: string;
    }
  | { type: 'round.finished'; round: number; ok: boolean; ms: number; failed: number }
  | { type: 'round.cancelled'; round: number; reason: string }
  | { type: 'error'; round?: number; kind: 'user' | 'system'; message: string; diagnostics?: Diagnostic[] };

export type DevEventType = DevEvent['type'];

export type ResultKind = 'text' | 'pickle' | 'bytes';

/** One change between two states, by JSON path. */
export interface StateDiff {
  path: string;
  op: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export type DevEventSink = (event: DevEvent) => void;
