import type { ActorsClient } from '@actorkit/api';
import type { LoadedFixture } from '@actorkit/build';
import type { DevEventSink } from './events.js';
import { followExecution } from '../execution-watch.js';
import { diffState } from './state-diff.js';

/** The pause between reads should the emulator not hold them until a change (it does: this is a fallback). */
const POLL_MS = 25;

export interface FixtureRun {
  client: ActorsClient;
  actorId: string;
  round: number;
  stateful: boolean;
  emit: DevEventSink;
  signal: AbortSignal;
}

function preview(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.subarray(0, 200)).toString('utf8');
  const printable = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\t\r]*$/u.test(text);
  return printable ? text + (bytes.byteLength > 200 ? '…' : '') : `<${bytes.byteLength} bytes>`;
}

function send(client: ActorsClient, actorId: string, fixture: LoadedFixture) {
  if (fixture.kind === 'binary') return client.sendBinaryMessage(actorId, fixture.body, fixture.env);
  if (fixture.kind === 'text') return client.sendMessage(actorId, fixture.body, fixture.env);
  return client.sendMessage(actorId, fixture.body as Record<string, unknown>, fixture.env);
}

/**
 * Sends one fixture message and follows its execution through the API as a user would: logs as they come, then
 * the results, the end, and the change it made to the state. Each read is held by the emulator until the
 * execution changes, so the end is seen as it happens, without polling. Answers whether it completed with exit code 0.
 */
export async function runFixture(fixture: LoadedFixture, run: FixtureRun): Promise<boolean> {
  const { client, actorId, round, emit, signal } = run;
  const before = run.stateful ? (await client.getState(actorId)).state : undefined;
  const sentAt = performance.now();
  const { executionId } = await send(client, actorId, fixture);
  emit({ type: 'execution.started', round, executionId, fixture: fixture.name });
  const execution = await followExecution(client, actorId, executionId, {
    onLogs: (text) => emit({ type: 'execution.log', round, executionId, text }),
    pollMs: POLL_MS,
    signal,
  });
  const ms = Math.round(performance.now() - sentAt);
  for (let index = 0; ; index++) {
    const bytes = await client.getOneExecutionResult(actorId, executionId);
    if (bytes.byteLength === 0) break;
    emit({
      type: 'execution.result',
      round,
      executionId,
      index,
      bytes: bytes.byteLength,
      preview: preview(bytes),
    });
  }
  emit({
    type: 'execution.completed',
    round,
    executionId,
    fixture: fixture.name,
    status: execution.status,
    exitCode: execution.exitCode,
    ms,
    runtimeMs: execution.runtime,
    ...(execution.statusMessage ? { statusMessage: execution.statusMessage } : {}),
  });
  if (run.stateful) {
    const diff = diffState(before, (await client.getState(actorId)).state);
    if (diff.length) emit({ type: 'state.changed', round, executionId, diff });
  }
  return execution.status === 'COMPLETE' && execution.exitCode === 0;
}
