import createDebug from 'debug';
import { finishFromOutcome } from '../store/execution-finish.js';
import type { ExecutionSpec } from '../executor/executor.js';
import type { ActorRecord, ExecutionRecord, QueuedMessage } from '../store/records.js';
import { configsForActor } from '../configs/actor-configs.js';
import { executionEnvironment } from './container-env.js';
import { devCommand, devMounts, processCommand } from './local-settings.js';
import { whenSpace } from '../store/disk-full.js';
import { HeldResults } from './held-results.js';
import { LogBuffer } from './log-buffer.js';
import type { PoolContext } from './pool-context.js';
import { waitingNote } from './waiting-notes.js';
import { tokenEnabled } from '../domain/token-enabled.js';

const debug = createDebug('actorkit:workers');

/** How one claimed message ended for its worker. */
export type RunEnd =
  | { kind: 'finished'; execution: ExecutionRecord }
  /** The engine was down before the container started: the message went back to the queue, unharmed. */
  | { kind: 'requeued'; reason: string }
  /** The actor vanished (deleted) before it could run. */
  | { kind: 'gone' };

function specFor(
  ctx: PoolContext,
  actor: ActorRecord,
  message: QueuedMessage,
  workerId: string,
  token: string,
): ExecutionSpec {
  const { options } = ctx;
  const env = executionEnvironment({
    actor,
    message,
    workerId,
    apiServer: options.apiServer(),
    token,
    state: ctx.store.actors.getState(actor.id),
    format: options.messageFormat,
    jwtHeaderName: options.jwtHeaderName,
    actorConfigs: configsForActor(ctx.store, actor),
  });
  const local = processCommand(actor.defaultEnvironment) ?? options.processCommands[actor.image] ?? null;
  const dev =
    ctx.executor.kind === 'docker' ? devCommand(actor.defaultEnvironment, options.allowDevMounts) : null;
  return {
    executionId: message.executionId,
    actorId: actor.id,
    workerId,
    image: actor.image,
    env,
    binary: message.contentType === 'application/octet-stream' ? new Uint8Array(message.body) : undefined,
    memLimit: actor.memLimit,
    maxCpus: actor.maxCpus,
    maxRunMs: options.maxRunMs,
    privileged: actor.privileged,
    useContainerUid: actor.useContainerUid,
    mounts: devMounts(actor.defaultEnvironment, options.allowDevMounts),
    ...(ctx.executor.kind === 'process' && local ? { command: local.command, cwd: local.cwd } : {}),
    ...(dev ? { command: dev } : {}),
  };
}

/**
 * Runs one claimed message to its end: mints the execution's token, starts the container (or process), streams
 * logs and results into the store, and records how it ended. A platform failure before the start caused by a
 * down engine puts the message back in the queue instead of failing it. While the disk is full, the writes it
 * must make wait for space (the execution shows its last recorded state meanwhile): nothing starts before its
 * start is recorded, and its logs, results and end are kept until they are written. `signal` (the worker stops)
 * ends the wait; the next start's recovery then ends the execution as interrupted.
 */
export async function runExecution(
  ctx: PoolContext,
  message: QueuedMessage,
  workerId: string,
  signal?: AbortSignal,
): Promise<RunEnd> {
  const { store, executor } = ctx;
  const actor = store.actors.get(message.actorId);
  if (!actor) return { kind: 'gone' };
  const executionId = message.executionId;
  const must = <T>(what: string, write: () => T) =>
    whenSpace(write, {
      signal,
      onWait: () => debug('execution %s: the disk is full; %s waits for space', executionId, what),
    });
  const token = tokenEnabled(actor)
    ? await must('its token', () => store.mintExecutionToken(executionId, actor.owner))
    : '';
  const logs = new LogBuffer(store, executionId);
  const results = new HeldResults(store, executionId, (note) => logs.push(note));
  const spec = specFor(ctx, actor, message, workerId, token);
  debug('execution %s of %s on worker %s', executionId, actor.id, workerId);

  // A start time before the container starts (status still SUBMITTED): should the emulator die from here on, the
  // execution may have run, and recovery ends it as interrupted instead of running it a second time.
  await must('its start', () =>
    store.executions.update(executionId, { startTime: new Date().toISOString(), statusMessage: '' }),
  );
  const running = await executor.start(spec, {
    // The worker record keeps its own cid (fidelity §8.2): the execution's container is not the worker's.
    onStarted: ({ startTime }) => store.markRunning(executionId, workerId, startTime),
    onLog: (chunk) => logs.push(chunk),
    onResult: (bytes) => results.push(bytes),
  });
  ctx.running.set(executionId, { actorId: actor.id, execution: running });
  const outcome = await running.done;
  ctx.running.delete(executionId);
  await must('its results', () => results.drain());
  await must('its log', () => logs.flush(true));

  if (outcome.platformError && !outcome.startTime) {
    const health = await executor.health();
    if (!health.ok) {
      await must('its return to the queue', () =>
        store.transaction(() => {
          store.revokeExecutionToken(executionId);
          store.messages.release(executionId);
          store.executions.update(executionId, {
            status: 'SUBMITTED',
            workerId: null,
            startTime: null,
            statusMessage: waitingNote(health.message),
          });
        }),
      );
      ctx.engineDown(health.message);
      return { kind: 'requeued', reason: health.message };
    }
  }
  const execution = await must('its end', () => store.finish(executionId, finishFromOutcome(outcome)));
  if (!execution) return { kind: 'gone' };
  ctx.finished.emit('finished', execution);
  return { kind: 'finished', execution };
}
