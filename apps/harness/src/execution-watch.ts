import {
  FINAL_EXECUTION_STATUSES,
  type ActorsClient,
  type Execution,
  type ExecutionStatus,
} from '@actorkit/api';
import { CommandError } from './command-error.js';

export const isFinal = (e: Execution) => FINAL_EXECUTION_STATUSES.includes(e.status as ExecutionStatus);

/** The actor's most recent execution (the service lists them oldest first). */
export async function latestExecutionId(
  client: ActorsClient,
  actorId: string,
  actorRef: string,
): Promise<string> {
  const first = await client.listExecutions(actorId, 1, 0);
  const total = first.totalExecutions || first.ids.length;
  if (total === 0) {
    throw new CommandError(
      `actor ${actorRef} has no executions yet; send it a message with \`actorkit send ${actorRef} <message>\``,
    );
  }
  const last = total > 1 ? await client.listExecutions(actorId, 1, total - 1) : first;
  const id = last.ids.at(-1) ?? last.executions.at(-1)?.id;
  if (!id)
    throw new CommandError(
      `the service listed ${total} executions of ${actorRef} but gave no ids; pass the execution id`,
    );
  return id;
}

export interface FollowOptions {
  /** New log text, as it grows (complete lines; the rest once the execution ends). */
  onLogs?: (text: string) => void;
  /** Give up after this long (ms); undefined waits as long as it runs. */
  timeoutMs?: number;
  /** The pause between reads when the server cannot hold a read until a change (the real service). */
  pollMs?: number;
  /** Stops following (the call rejects with the signal's reason). */
  signal?: AbortSignal;
}

/**
 * Follows an execution until it is COMPLETE or ERROR, passing its log on as it grows; answers the final
 * execution. Against the emulator each read is held until the execution or its log changes (a blocking read),
 * so a change is seen as it happens and nothing is asked in between; a server without blocking reads is polled
 * every `pollMs`.
 */
export async function followExecution(
  client: ActorsClient,
  actorId: string,
  executionId: string,
  options: FollowOptions = {},
): Promise<Execution> {
  const { signal } = options;
  let shown = '';
  let pending = '';
  const pass = (logs: string, final: boolean) => {
    if (!options.onLogs) return;
    // Logs only grow, unless the service capped them: then show what is new after the cap note.
    const fresh = logs.startsWith(shown) ? logs.slice(shown.length) : logs;
    shown = logs;
    pending += fresh;
    const cut = final ? pending.length : pending.lastIndexOf('\n') + 1;
    if (cut > 0) options.onLogs(pending.slice(0, cut));
    pending = pending.slice(cut);
  };
  let execution: Execution | null = null;
  const until = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
  for await (const next of client.executionUpdates(actorId, executionId, {
    until,
    pollMs: options.pollMs,
    signal,
  })) {
    execution = next;
    const final = isFinal(execution);
    if (options.onLogs && (final || execution.status === 'RUNNING')) {
      pass((await client.getExecutionLogs(actorId, executionId)).logs, final);
    }
    if (final) return execution;
  }
  throw new CommandError(
    `execution ${executionId} is still ${execution?.status ?? 'SUBMITTED'} after ${Number(((options.timeoutMs ?? 0) / 1000).toFixed(1))} s; ` +
      `see it later with \`actorkit logs ${actorId} ${executionId}\`, or wait longer with --timeout`,
  );
}

/** Pops every result the execution left (at most `max`), oldest first. */
export async function drainResults(
  client: ActorsClient,
  actorId: string,
  executionId: string,
  max = 100,
): Promise<Uint8Array[]> {
  const results: Uint8Array[] = [];
  while (results.length < max) {
    const bytes = await client.getOneExecutionResult(actorId, executionId);
    if (bytes.length === 0) break;
    results.push(bytes);
  }
  return results;
}

/** `COMPLETE, exit 0, 132 ms` */
export function executionLine(e: Execution): string {
  const parts = [e.status];
  if (e.exitCode !== null) parts.push(`exit ${e.exitCode}`);
  if (isFinal(e)) parts.push(`${e.runtime} ms`);
  if (e.statusMessage) parts.push(e.statusMessage);
  return parts.join(', ');
}

/** The exit code a command that waited for an execution should end with: 0 only when it completed with 0. */
export function executionExitCode(e: Execution): number {
  return e.status === 'COMPLETE' && (e.exitCode ?? 0) === 0 ? 0 : 1;
}
