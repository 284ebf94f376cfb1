/**
 * Hostile actors: a container that exits non-zero, runs forever, floods its logs, sends 1,000 results, sends an
 * oversized result, and exceeds its memory limit. Each must end as the contract says while the emulator stays healthy.
 */
import { ACTOR_LABEL } from '@actorkit/docker';
import { dockerOk } from '../bench/lib/docker-cli.js';
import type { ExecutionView, RawApi } from '../bench/lib/raw-api.js';
import { withEmulator } from '../bench/lib/session.js';
import { buildFaultImage, FAULT_IMAGE } from './lib/fault-image.js';
import { healthy, popResults } from './lib/probes.js';
import { runIfMain, type CheckList, type Scenario } from './lib/scenario.js';

const MAX_RUN_MS = 4000;
const LOG_CAP = 1_000_000;

interface Case {
  name: string;
  env: Record<string, string>;
  memLimit?: string;
  verify(e: ExecutionView, api: RawApi, actorId: string, checks: CheckList): Promise<void>;
}

const CASES: Case[] = [
  {
    name: 'exits 3',
    env: { EXIT: '3' },
    verify: async (e, _api, _id, c) =>
      void c.check(
        'a non-zero exit is COMPLETE with its exit code',
        e.status === 'COMPLETE' && e.exitCode === 3,
        `${e.status}, exit ${String(e.exitCode)}`,
      ),
  },
  {
    name: 'runs forever',
    env: { FOREVER: '1' },
    verify: async (e, _api, _id, c) => {
      c.check(
        `stopped at the maximum run time (${MAX_RUN_MS} ms), COMPLETE with Docker's exit code`,
        e.status === 'COMPLETE' &&
          e.exitCode === 137 &&
          e.runtime >= MAX_RUN_MS - 100 &&
          e.runtime < MAX_RUN_MS + 5000,
        `${e.status}, exit ${String(e.exitCode)}, runtime ${e.runtime} ms`,
      );
    },
  },
  {
    name: 'floods 20 MB of logs',
    env: { LOG_BYTES: '20000000' },
    verify: async (e, api, id, c) => {
      const logs = await api.logs(id, e.id);
      c.check(
        'a log flood is COMPLETE, exit 0',
        e.status === 'COMPLETE' && e.exitCode === 0,
        `${e.status}, exit ${String(e.exitCode)}`,
      );
      c.check(
        `its logs are capped at ${LOG_CAP} bytes with a note`,
        Buffer.byteLength(logs) <= LOG_CAP + 500 && /cap|limit|truncat/i.test(logs.slice(-500)),
        `${Buffer.byteLength(logs)} bytes, ends "${logs
          .slice(-120)
          .replace(/x{20,}/g, 'x…')
          .replace(/\n/g, ' ')
          .trim()}"`,
      );
    },
  },
  {
    name: 'sends 1,000 results',
    env: { RESULTS: '1000' },
    verify: async (e, api, id, c) => {
      const results = await popResults(api, id, e.id, 1100);
      const inOrder = results.every((r, i) => r === `result ${i}`);
      c.check(
        '1,000 results are kept whole and in order',
        e.status === 'COMPLETE' && e.exitCode === 0 && results.length === 1000 && inOrder,
        `${e.status}, exit ${String(e.exitCode)}, ${results.length} results, in order: ${inOrder}`,
      );
    },
  },
  {
    name: 'sends a 150,000-byte result',
    env: { OVERSIZE: '150000' },
    verify: async (e, api, id, c) => {
      const results = await popResults(api, id, e.id, 5);
      const logs = await api.logs(id, e.id);
      c.check(
        'an oversized result is dropped, the next one kept, and the logs say so',
        e.status === 'COMPLETE' &&
          results.length === 1 &&
          results[0] === 'after oversize' &&
          /131,?072|too large|oversize|larger/i.test(logs),
        `${e.status}, exit ${String(e.exitCode)}, results ${JSON.stringify(results)}, logs "${logs.trim().slice(0, 160)}"`,
      );
    },
  },
  {
    name: 'allocates 1 GiB with memLimit 64m',
    env: { MEM_MB: '1024' },
    memLimit: '64m',
    verify: async (e, _api, _id, c) => {
      const oom = (e.finalState as { OOMKilled?: boolean } | null | undefined)?.OOMKilled === true;
      c.check(
        'a memory hog is killed by its limit: COMPLETE, exit 137, OOMKilled',
        e.status === 'COMPLETE' && e.exitCode === 137 && oom,
        `${e.status}, exit ${String(e.exitCode)}, OOMKilled ${String(oom)}`,
      );
    },
  },
];

export const hostile: Scenario = {
  name: 'hostile',
  title: 'hostile actors end as the contract says; the emulator stays healthy',
  async run(_options, checks, report) {
    await buildFaultImage();
    await withEmulator({ executor: 'docker', pool: { maxRunMs: MAX_RUN_MS } }, async ({ emu, api }) => {
      const control = await api.addActor({ image: FAULT_IMAGE, name: 'control' });
      const started = await Promise.all(
        CASES.map(async (c) => {
          const actor = await api.addActor({
            image: FAULT_IMAGE,
            name: c.name.replace(/[^a-z0-9]+/gi, '-'),
            defaultEnvironment: c.env,
            ...(c.memLimit ? { memLimit: c.memLimit } : {}),
          });
          await api.waitReady(actor.id);
          return { c, actorId: actor.id, executionId: await api.send(actor.id, c.name) };
        }),
      );
      await api.waitReady(control.id);
      const during = await healthy(api, control.id);
      checks.check('while they run, the API answers and a plain message completes', during.ok, during.detail);
      for (const { c, actorId, executionId } of started) {
        const e = await api.waitFinal(actorId, executionId, 50, 120_000);
        report(
          `${c.name}: ${e.status}, exit ${String(e.exitCode)}, runtime ${e.runtime} ms${e.statusMessage ? `, "${e.statusMessage}"` : ''}`,
        );
        await c.verify(e, api, actorId, checks);
      }
      const after = await healthy(api, control.id);
      checks.check('afterwards, the API answers and a plain message completes', after.ok, after.detail);
      checks.check('the emulator process is still up', emu.alive, `pid ${emu.pid}`);
      let left = '';
      for (const { actorId } of started)
        left += (await dockerOk(['ps', '-aq', '--filter', `label=${ACTOR_LABEL}=${actorId}`])).trim();
      checks.check('no container of theirs is left behind', left === '', left || 'none');
    });
  },
};

await runIfMain(import.meta.url, hostile);
