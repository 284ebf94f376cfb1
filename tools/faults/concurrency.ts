/**
 * Concurrency: 20 clients send 50 messages each, at the same time, to one stateful actor. Every message must run
 * exactly once, each client's messages in its order, and the final state must account for all of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withEmulator } from '../bench/lib/session.js';
import { buildFaultImage, FAULT_IMAGE } from './lib/fault-image.js';
import { readMarks, runsPerExecution } from './lib/marks.js';
import { runIfMain, type Scenario } from './lib/scenario.js';

interface CountState {
  total?: number;
  disorder?: number;
  last?: Record<string, number>;
}

export const concurrency: Scenario = {
  name: 'concurrency',
  title: 'concurrent clients, one stateful actor: once each, in order, all counted',
  async run({ reduced }, checks, report) {
    const clients = 20;
    const each = reduced ? 10 : 50;
    const total = clients * each;
    await buildFaultImage();
    const dir = await mkdtemp(join(tmpdir(), 'actorkit-faults-marks-'));
    try {
      await withEmulator({ executor: 'docker' }, async ({ api }) => {
        const actor = await api.addActor({
          image: FAULT_IMAGE,
          name: 'counter',
          stateless: false,
          token: true, // it stores its count through the API (the service's default is no token)
          defaultEnvironment: {
            COUNT_STATE: '1',
            MARK_FILE: '/faults/marks.txt',
            ACTORKIT_DEV_MOUNTS: `${dir}:/faults`,
          },
        });
        await api.waitReady(actor.id);
        const started = performance.now();
        const sent = await Promise.all(
          Array.from({ length: clients }, async (_, c) => {
            const ids: string[] = [];
            for (let s = 0; s < each; s++) ids.push(await api.send(actor.id, `c${c}:${s}`));
            return ids;
          }),
        );
        const ids = sent.flat();
        report(
          `${clients} clients sent ${ids.length} messages in ${Math.round(performance.now() - started)} ms`,
        );
        await api.waitAllFinal(actor.id, ids, 100, total * 5000);
        report(
          `all ${ids.length} executions final after ${Math.round((performance.now() - started) / 1000)} s`,
        );
        const { executions } = await api.summary(actor.id);
        const mine = executions.filter((e) => ids.includes(e.id));
        const complete = mine.filter((e) => e.status === 'COMPLETE').length;
        checks.check(
          `every message was accepted and has its execution (${total})`,
          new Set(ids).size === total && mine.length === total,
          `${new Set(ids).size} ids, ${mine.length} executions`,
        );
        checks.check('every execution is COMPLETE', complete === total, `${complete} COMPLETE of ${total}`);
        const marks = await readMarks(join(dir, 'marks.txt'));
        const runs = runsPerExecution(marks);
        const once = ids.every((id) => runs.get(id) === 1);
        checks.check(
          'every message ran exactly once',
          once && marks.length === total,
          `${marks.length} runs recorded for ${runs.size} executions`,
        );
        const inOrder = Array.from({ length: clients }, (_, c) => {
          const seqs = marks
            .filter((m) => m.message.startsWith(`c${c}:`))
            .map((m) => Number(m.message.split(':')[1]));
          return seqs.every((s, i) => s === i) && seqs.length === each;
        });
        checks.check(
          "each client's messages ran in its order",
          inOrder.every(Boolean),
          `${inOrder.filter(Boolean).length} of ${clients} clients in order`,
        );
        const { state } = await api.call<{ state: CountState }>('GET', `/${actor.id}/state`);
        const lastOk = Array.from({ length: clients }, (_, c) => state.last?.[`c${c}`] === each - 1).every(
          Boolean,
        );
        checks.check(
          'the final state counts every message, none out of order',
          state.total === total && state.disorder === 0 && lastOk,
          `total ${String(state.total)}, disorder ${String(state.disorder)}, every client's last seq ${each - 1}: ${lastOk}`,
        );
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

await runIfMain(import.meta.url, concurrency);
