import type { ActorsClient, Execution } from '@actorkit/api';

export const FINAL_STATUSES: readonly string[] = ['COMPLETE', 'ERROR'];

/** Polls `check` until it answers a value (not undefined), or fails after `ms` naming `what`. */
export async function poll<T>(check: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function waitForReady(client: ActorsClient, actorId: string, ms = 30_000): Promise<true> {
  return poll(
    async () => ((await client.get(actorId)).status === 'READY' ? true : undefined),
    ms,
    `actor ${actorId} turning READY`,
  );
}

export function waitForStatus(
  client: ActorsClient,
  actorId: string,
  executionId: string,
  statuses: readonly string[],
  ms = 60_000,
): Promise<Execution> {
  return poll(
    async () => {
      const execution = await client.getExecution(actorId, executionId);
      return statuses.includes(execution.status) ? execution : undefined;
    },
    ms,
    `execution ${executionId} reaching ${statuses.join(' or ')}`,
  );
}

export function waitForFinal(
  client: ActorsClient,
  actorId: string,
  executionId: string,
  ms = 60_000,
): Promise<Execution> {
  return waitForStatus(client, actorId, executionId, FINAL_STATUSES, ms);
}

/** Waits (one summary request per poll) until every execution of `ids` is final; answers their full records. */
export async function waitForAllFinal(
  client: ActorsClient,
  actorId: string,
  ids: readonly string[],
  ms: number,
): Promise<Execution[]> {
  const wanted = new Set(ids);
  await poll(
    async () => {
      const summary = await client.listExecutions(actorId, 10_000);
      const done = summary.executions.filter((e) => wanted.has(e.id) && FINAL_STATUSES.includes(e.status));
      return done.length === wanted.size ? true : undefined;
    },
    ms,
    `${ids.length} executions of ${actorId} ending`,
  );
  return Promise.all(ids.map((id) => client.getExecution(actorId, id)));
}
