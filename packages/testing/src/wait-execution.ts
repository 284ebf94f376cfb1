import {
  FINAL_EXECUTION_STATUSES,
  type ActorsClient,
  type Execution,
  type ExecutionStatus,
} from '@actorkit/api';
import { ContainerTierError } from './errors.js';

/** The pause between reads should the server not hold them until a change (the emulator does). */
const POLL_MS = 20;
/** After a force-quit, how long the engine gets to report the exit. */
const QUIT_GRACE_MS = 30_000;

function isFinal(execution: Execution): boolean {
  return FINAL_EXECUTION_STATUSES.includes(execution.status as ExecutionStatus);
}

/** Follows the execution (blocking reads on the emulator) until it is final; null when `deadline` passes first. */
async function followUntil(client: ActorsClient, actorId: string, executionId: string, deadline: number) {
  for await (const execution of client.executionUpdates(actorId, executionId, {
    until: deadline,
    pollMs: POLL_MS,
  })) {
    if (isFinal(execution)) return execution;
  }
  return null;
}

/**
 * Follows the execution until it is COMPLETE or ERROR. Past `timeoutMs` it is force-quit (as `DELETE` on the execution
 * does on the service) and it ends with the engine's exit code; an execution that does not end even then is an error.
 */
export async function waitForExecution(
  client: ActorsClient,
  actorId: string,
  executionId: string,
  timeoutMs: number,
): Promise<Execution> {
  const done = await followUntil(client, actorId, executionId, Date.now() + timeoutMs);
  if (done) return done;
  const late = await client.getExecution(actorId, executionId);
  if (late.status === 'SUBMITTED') {
    throw new ContainerTierError(
      `execution ${executionId} did not start within ${timeoutMs} ms: ${late.statusMessage || 'its message is still queued'}`,
    );
  }
  await client.deleteExecution(actorId, executionId).catch((cause: unknown) => {
    throw new ContainerTierError(
      `execution ${executionId} ran past ${timeoutMs} ms and could not be force-quit`,
      {
        cause,
      },
    );
  });
  const quit = await followUntil(client, actorId, executionId, Date.now() + QUIT_GRACE_MS);
  if (quit) return quit;
  throw new ContainerTierError(
    `execution ${executionId} ran past ${timeoutMs} ms and did not end within ${QUIT_GRACE_MS} ms of a force-quit`,
  );
}
