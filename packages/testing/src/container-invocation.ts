import { isDeepStrictEqual } from 'node:util';
import type { ActorNonce, ActorsClient } from '@actorkit/api';
import type { ContainerInvokeOptions, EmulatorConnection } from './container-tier.js';
import { ContainerTierError, ExecutionPlatformError } from './errors.js';
import { createInvocationResult, type InvocationResult } from './invocation-result.js';
import { MessageObserver, unobservedMessages } from './observed-messages.js';
import type { RecorderClient } from './recorder-client.js';
import { sendInvocationMessage } from './send-message.js';
import { waitForExecution } from './wait-execution.js';

export interface InvocationContext {
  client: ActorsClient;
  emulator: EmulatorConnection;
  recorder: RecorderClient | null;
}

/** The registered actor an invocation runs on. */
export interface TargetActor {
  id: string;
  stateless: boolean;
}

async function drainResults(
  client: ActorsClient,
  actorId: string,
  executionId: string,
): Promise<Uint8Array[]> {
  const results: Uint8Array[] = [];
  for (;;) {
    const bytes = await client.getOneExecutionResult(actorId, executionId);
    if (bytes.byteLength === 0) return results; // the contract's "none left"
    results.push(bytes);
  }
}

async function prepareState(ctx: InvocationContext, actor: TargetActor, state: unknown): Promise<unknown> {
  if (state === undefined) return (await ctx.client.getState(actor.id)).state ?? {};
  if (actor.stateless) {
    throw new ContainerTierError(
      '`state` was given for a stateless actor: the service keeps no state for it; register it stateful ' +
        '("stateless": false in actor.json, or `stateless: false` in the options) or leave `state` out',
    );
  }
  const current = (await ctx.client.getState(actor.id)).state ?? {};
  // The service refuses an empty or falsy state (400); a fresh actor already has `{}`, so an equal one is kept as is.
  if (JSON.stringify(current) === JSON.stringify(state)) return state;
  await ctx.client.updateState(actor.id, state);
  return state;
}

/**
 * One message through the emulator on a registered actor: the state set first (when given), nonces created, the
 * message sent, the execution waited for; then results popped, logs, state and nonces read back.
 */
export async function runInvocation(
  ctx: InvocationContext,
  actor: TargetActor,
  options: ContainerInvokeOptions,
  timeoutMs: number,
): Promise<InvocationResult> {
  const { client } = ctx;
  const stateBefore = await prepareState(ctx, actor, options.state);
  for (const nonce of options.nonces ?? []) {
    if ('id' in nonce)
      throw new TypeError('invoke: nonce ids are chosen by the emulator in the container tier');
    await client.addNonce(actor.id, nonce);
  }
  const noncesBefore = await client.listNonces(actor.id);
  const observer = options.observe
    ? await MessageObserver.start(client, ctx.recorder, options.observe)
    : null;
  const executionId = await sendInvocationMessage(client, ctx.emulator, actor.id, options).catch(
    (cause: unknown) => {
      if (cause instanceof TypeError) throw cause;
      throw new ContainerTierError(`the message could not be sent: ${(cause as Error).message}`, { cause });
    },
  );
  const execution = await waitForExecution(client, actor.id, executionId, options.timeoutMs ?? timeoutMs);
  if (execution.status === 'ERROR')
    throw new ExecutionPlatformError(executionId, execution.statusMessage ?? '');
  if (execution.exitCode === null) {
    throw new ExecutionPlatformError(executionId, execution.statusMessage || 'it ended without an exit code');
  }
  const results = await drainResults(client, actor.id, executionId);
  const { logs } = await client.getExecutionLogs(actor.id, executionId);
  const state = (await client.getState(actor.id)).state ?? {};
  const noncesAfter = await client.listNonces(actor.id);
  const before = new Set(noncesBefore.map((n) => n.id));
  const after = new Set(noncesAfter.map((n) => n.id));
  const result = createInvocationResult({
    exitCode: execution.exitCode,
    executionId,
    state,
    stateUpdates: isDeepStrictEqual(state, stateBefore) ? [] : [state],
    results,
    logs,
    stdout: logs,
    stderr: logs,
    messagesSent: observer ? await observer.sent() : [],
    noncesCreated: noncesAfter.filter((n: ActorNonce) => !before.has(n.id)),
    noncesDeleted: noncesBefore.filter((n) => !after.has(n.id)).map((n) => n.id),
    durationMs: execution.runtime,
  });
  if (!observer) unobservedMessages(result);
  return result;
}
