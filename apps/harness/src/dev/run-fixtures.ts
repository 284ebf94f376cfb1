import type { ActorsClient } from '@actorkit/api';
import type { LoadedFixture } from '@actorkit/project';
import type { DevEventSink, ResultKind } from './events.js';
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
  /** Force-quit the execution when the round is cancelled while it runs (it would wait for a debugger). */
  stopWhenCancelled?: boolean;
}

/** A pickle (protocol 2 to 5): the PROTO opcode and version first, the STOP opcode last. */
function isPickle(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= 3 &&
    bytes[0] === 0x80 &&
    bytes[1]! >= 2 &&
    bytes[1]! <= 5 &&
    bytes[bytes.byteLength - 1] === 0x2e
  );
}

/** A result as a person reads it: text (and JSON) as it is, a pickle by what it is, other bytes in hex. */
export function previewResult(bytes: Uint8Array): { kind: ResultKind; preview: string } {
  if (isPickle(bytes)) {
    return { kind: 'pickle', preview: `Python object, cloudpickle, ${bytes.byteLength} bytes` };
  }
  // a multi-byte character cut at the 200th byte is not a reason to call the text binary
  const head = bytes.subarray(0, 200);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/\uFFFD{1,3}$/u, '');
  const printable = !text.includes('\uFFFD') && /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}\p{M}\n\t\r]*$/u.test(text);
  if (printable) return { kind: 'text', preview: text + (bytes.byteLength > 200 ? '…' : '') };
  const hex = Buffer.from(bytes.subarray(0, 16))
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');
  return {
    kind: 'bytes',
    preview: `${bytes.byteLength} bytes: ${hex}${bytes.byteLength > 16 ? ' …' : ''}`,
  };
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
  let execution;
  try {
    execution = await followExecution(client, actorId, executionId, {
      onLogs: (text) => emit({ type: 'execution.log', round, executionId, text }),
      pollMs: POLL_MS,
      signal,
    });
  } catch (error) {
    if (signal.aborted && run.stopWhenCancelled)
      await client.deleteExecution(actorId, executionId).catch(() => undefined);
    throw error;
  }
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
      ...previewResult(bytes),
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
