import type { RawApi } from '../../bench/lib/raw-api.js';

/** Is the emulator healthy: the API answers within a second, and a plain message to `actorId` completes. */
export async function healthy(api: RawApi, actorId: string): Promise<{ ok: boolean; detail: string }> {
  const started = performance.now();
  try {
    await api.actor(actorId);
    const apiMs = Math.round(performance.now() - started);
    const id = await api.send(actorId, 'are you there');
    const e = await api.waitFinal(actorId, id, 20, 60_000);
    const ok = apiMs < 1000 && e.status === 'COMPLETE' && e.exitCode === 0;
    return { ok, detail: `GET in ${apiMs} ms; a plain message ${e.status}, exit ${String(e.exitCode)}` };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

/** Pops an execution's results (as text) until none is left, at most `max`. */
export async function popResults(
  api: RawApi,
  actorId: string,
  executionId: string,
  max: number,
): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < max; i++) {
    const res = await fetch(`${api.url}${api.base}/${actorId}/executions/${executionId}/results`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (!res.ok)
      throw new Error(`results of ${executionId}: ${res.status} ${bytes.toString().slice(0, 200)}`);
    if (bytes.length === 0) break;
    results.push(bytes.toString());
  }
  return results;
}
