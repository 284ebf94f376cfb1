import { ABACO_ENV } from '@actorkit/api/container';
import type { z } from 'zod';
import type { ActorDefinition, HandlerContext, HandlerResult, RunOutcome } from './actor-types.js';
import { runWithExecution } from './current-execution.js';
import { ActorOutputError, exitCodeOf } from './errors.js';
import { describeError } from './error-report.js';
import { Execution } from './execution.js';
import type { Platform } from './platform.js';
import { fieldIssues, validateMessage, validateState } from './validate.js';

const RESULT_KEYS = new Set(['state', 'result', 'results']);

/**
 * One execution of an actor: read and validate the input, call the handler, store the returned state, send the
 * returned results, and write a one-line summary (stdout) or the error (stderr). Never throws.
 */
export async function runActor<M extends z.ZodType, S extends z.ZodType>(
  definition: ActorDefinition<M, S>,
  platform: Platform,
): Promise<RunOutcome> {
  const execution = new Execution(platform);
  const started = platform.now();
  try {
    await runWithExecution(execution, async () => {
      const context = execution.context();
      const ctx: HandlerContext<z.output<M>, z.output<S>> = {
        message: definition.message
          ? validateMessage(definition.message, context)
          : (context.message as z.output<M>),
        state: definition.state ? validateState(definition.state, context) : (context.state as z.output<S>),
        env: context.env,
        context,
        binary: () => execution.binary(),
        sendResult: (value) => execution.sendResult(value),
        updateState: (value) => execution.updateState(checkedState(definition.state, value)),
        sendMessage: (to, message, environment) => execution.sendMessage(to, message, environment),
        createNonce: (options) => execution.createNonce(options),
        listNonces: () => execution.listNonces(),
        deleteNonce: (id) => execution.deleteNonce(id),
        log: (...parts) => execution.log(...parts),
      };
      await apply(execution, definition.state, await definition.handler(ctx));
    });
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    const exitCode = exitCodeOf(error);
    const durationMs = Math.round(platform.now() - started);
    platform.log.write(
      'stderr',
      `[actorkit] ${label(platform.env)} failed (exit ${exitCode}, ${durationMs} ms): ${describeError(error, exitCode === 1)}\n`,
    );
    return {
      exitCode,
      error,
      resultsSent: execution.resultsSent,
      stateStored: execution.stateStored,
      durationMs,
    };
  }
  const durationMs = Math.round(platform.now() - started);
  const { contentType } = execution.context();
  const parts = [`message ${contentType}`, plural(execution.resultsSent, 'result')];
  if (execution.stateStored) parts.push('state stored');
  platform.log.write(
    'stdout',
    `[actorkit] ${label(platform.env)} done in ${durationMs} ms: ${parts.join(', ')}\n`,
  );
  return { exitCode: 0, resultsSent: execution.resultsSent, stateStored: execution.stateStored, durationMs };
}

async function apply(
  execution: Execution,
  stateSchema: z.ZodType | undefined,
  returned: HandlerResult<unknown>,
): Promise<void> {
  if (returned === undefined || returned === null) return;
  if (typeof returned !== 'object' || Array.isArray(returned)) {
    throw new ActorOutputError(
      `the handler returned ${Array.isArray(returned) ? 'an array' : typeof returned}; return nothing, or { state?, result?, results? }`,
    );
  }
  const unknownKeys = Object.keys(returned).filter((k) => !RESULT_KEYS.has(k));
  if (unknownKeys.length > 0) {
    throw new ActorOutputError(
      `the handler returned unknown keys ${unknownKeys.join(', ')}; it may return { state?, result?, results? }`,
    );
  }
  if (returned.results !== undefined && !Array.isArray(returned.results)) {
    throw new ActorOutputError(
      'the handler returned `results` that is not an array; use `result` for a single one',
    );
  }
  if (returned.state !== undefined) await execution.updateState(checkedState(stateSchema, returned.state));
  if (returned.result !== undefined) await execution.sendResult(returned.result);
  for (const result of returned.results ?? []) await execution.sendResult(result);
}

/** A state about to be stored must pass the schema the next execution will read it with. */
function checkedState<T>(schema: z.ZodType | undefined, value: T): T {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (parsed.success) return value;
  const fields = fieldIssues(parsed.error)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  throw new ActorOutputError(`the state to store does not match the actor's state schema (${fields})`, {
    cause: parsed.error,
  });
}

/** Read straight from the environment, so the summary names the execution even when its context is unreadable. */
function label(env: Platform['env']): string {
  const actor = env[ABACO_ENV.actorName] || env[ABACO_ENV.actorId] || '(unknown actor)';
  return `execution ${env[ABACO_ENV.executionId] || '(unknown)'} of ${actor}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
