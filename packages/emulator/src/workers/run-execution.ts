import createDebug from 'debug';
import { finishFromOutcome } from '../store/execution-finish.js';
import type { ExecutionSpec } from '../executor/executor.js';
import type { ActorRecord, ExecutionRecord, QueuedMessage } from '../store/records.js';
import { executionEnvironment } from './container-env.js';
import { devMounts, processCommand } from './local-settings.js';
import { LogBuffer } from './log-buffer.js';
import type { PoolContext } from './pool-context.js';
import { waitingNote } from './waiting-notes.js';

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
  });
  const local = processCommand(actor.defaultEnvironment) ?? options.processCommands[actor.image] ?? null;
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
  };
}

/**
 * Runs one claimed message to its end: mints the execution's token, starts the container (or process), streams
 * logs and results into the store, and records how it ended. A platform failure before the start caused by a
 * down engine puts the message back in the queue instead of failing it.
 */
export async function runExecution(
  ctx: PoolContext,
  message: QueuedMessage,
  workerId: string,
): Promise<RunEnd> {
  const { store, executor } = ctx;
  const actor = store.actors.get(message.actorId);
  if (!actor) return { kind: 'gone' };
  const executionId = message.executionId;
  const token = actor.token ? store.mintExecutionToken(executionId, actor.owner) : '';
  const logs = new LogBuffer(store, executionId);
  const spec = specFor(ctx, actor, message, workerId, token);
  debug('execution %s of %s on worker %s', executionId, actor.id, workerId);

  // A start time before the container starts (status still SUBMITTED): should the emulator die from here on, the
  // execution may have run, and recovery ends it as interrupted instead of running it a second time.
  store.executions.update(executionId, { startTime: new Date().toISOString(), statusMessage: '' });
  const running = await executor.start(spec, {
    onStarted: ({ handle, startTime }) => {
      store.markRunning(executionId, workerId, startTime);
      store.workers.update(actor.id, workerId, { cid: handle });
    },
    onLog: (chunk) => logs.push(chunk),
    onResult: (bytes) => store.pushResult(executionId, bytes),
  });
  ctx.running.set(executionId, { actorId: actor.id, execution: running });
  const outcome = await running.done;
  ctx.running.delete(executionId);
  logs.flush(true);

  if (outcome.platformError && !outcome.startTime) {
    const health = await executor.health();
    if (!health.ok) {
      store.transaction(() => {
        store.revokeExecutionToken(executionId);
        store.messages.release(executionId);
        store.executions.update(executionId, {
          status: 'SUBMITTED',
          workerId: null,
          startTime: null,
          statusMessage: waitingNote(health.message),
        });
      });
      ctx.engineDown(health.message);
      return { kind: 'requeued', reason: health.message };
    }
  }
  const execution = store.finish(executionId, finishFromOutcome(outcome));
  if (!execution) return { kind: 'gone' };
  ctx.finished.emit('finished', execution);
  return { kind: 'finished', execution };
}
