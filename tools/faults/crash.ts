/**
 * Crash: SIGKILL the emulator with 200 messages queued and some running, restart it on the same data directory, and
 * check that every message reaches a final state as the execution engine documents — executions that were RUNNING
 * end ERROR saying they were interrupted (never re-run), claimed-but-unstarted and queued messages run — none lost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTERRUPTED_MESSAGE, Store } from '@actorkit/emulator';
import { ACTOR_LABEL } from '@actorkit/docker';
import { dockerOk } from '../bench/lib/docker-cli.js';
import { ChildEmulator } from '../bench/lib/emulator-process.js';
import { RawApi } from '../bench/lib/raw-api.js';
import { buildFaultImage, FAULT_IMAGE } from './lib/fault-image.js';
import { readMarks, runsPerExecution } from './lib/marks.js';
import { runIfMain, type Scenario } from './lib/scenario.js';

async function containersOf(actorId: string): Promise<string[]> {
  return (await dockerOk(['ps', '-aq', '--filter', `label=${ACTOR_LABEL}=${actorId}`]))
    .split('\n')
    .filter(Boolean);
}

export const crash: Scenario = {
  name: 'crash',
  title: 'SIGKILL with messages queued and running; restart; nothing lost',
  async run({ reduced }, checks, report) {
    const count = reduced ? 40 : 200;
    await buildFaultImage();
    const dataDir = await mkdtemp(join(tmpdir(), 'actorkit-faults-crash-'));
    const marksDir = await mkdtemp(join(tmpdir(), 'actorkit-faults-marks-'));
    let first: ChildEmulator | undefined;
    let second: ChildEmulator | undefined;
    try {
      first = await ChildEmulator.start({ executor: 'docker', dataDir, pool: { defaultMaxWorkers: 4 } });
      const api = new RawApi(first.url, first.token);
      const actor = await api.addActor({
        image: FAULT_IMAGE,
        name: 'crash',
        defaultEnvironment: {
          LINGER_MS: '500',
          MARK_FILE: '/faults/marks.txt',
          ACTORKIT_DEV_MOUNTS: `${marksDir}:/faults`,
        },
      });
      await api.waitReady(actor.id);
      const ids: string[] = [];
      for (let i = 0; i < count; i++) ids.push(await api.send(actor.id, `m${i}`));
      const deadline = Date.now() + 60_000;
      while ((await api.summary(actor.id)).executions.filter((e) => e.status === 'RUNNING').length < 2) {
        if (Date.now() > deadline) throw new Error('no execution started within 60 s');
        await new Promise((r) => setTimeout(r, 10));
      }
      await first.kill9();
      const store = new Store({ dataDir });
      const atKill = store.executions.listForActor(actor.id, 100_000, 0);
      store.close();
      // What may have run: RUNNING, or claimed with a start time (its container was being started).
      const running = atKill
        .filter((e) => e.status === 'RUNNING' || (e.status === 'SUBMITTED' && e.workerId && e.startTime))
        .map((e) => e.id);
      const claimed = atKill.filter((e) => e.status === 'SUBMITTED' && e.workerId).length;
      const queued = atKill.filter((e) => e.status === 'SUBMITTED' && !e.workerId).length;
      const doneBefore = atKill.filter((e) => e.status === 'COMPLETE').length;
      const orphans = await containersOf(actor.id);
      report(
        `at the SIGKILL: ${queued} queued, ${claimed} claimed not started, ${running.length} RUNNING, ${doneBefore} COMPLETE; ${orphans.length} container(s) left by the dead emulator`,
      );
      checks.check(
        'the store holds every acknowledged message after the kill',
        ids.every((id) => atKill.some((e) => e.id === id)),
        `${atKill.length} executions for ${ids.length} acknowledged`,
      );

      second = await ChildEmulator.start({ executor: 'docker', dataDir, pool: { defaultMaxWorkers: 4 } });
      const api2 = new RawApi(second.url, second.token);
      const restarted = performance.now();
      await api2.waitAllFinal(actor.id, ids, 50, count * 3000);
      report(
        `after the restart every execution was final within ${Math.round((performance.now() - restarted) / 1000)} s`,
      );
      const finals = await Promise.all(ids.map((id) => api2.execution(actor.id, id)));
      const errors = finals.filter((e) => e.status === 'ERROR');
      const complete = finals.filter((e) => e.status === 'COMPLETE' && e.exitCode === 0);
      report(
        `final: ${complete.length} COMPLETE, ${errors.length} ERROR (interrupted), ${count - complete.length - errors.length} other; lost: ${count - finals.length}`,
      );
      checks.check(
        'every message reached a final state; none lost',
        finals.length === count && complete.length + errors.length === count,
        `${complete.length} + ${errors.length} of ${count}`,
      );
      // The execution display has no status message (as on the service): the reason is in each one's log.
      const errorLogs = await Promise.all(errors.map((e) => api2.logs(actor.id, e.id)));
      const interruptedOk =
        errors.length === running.length &&
        errors.every((e, i) => running.includes(e.id) && (errorLogs[i] ?? '').includes(INTERRUPTED_MESSAGE));
      checks.check(
        'exactly the executions that may have run at the kill (RUNNING, or their container starting) ended ERROR, saying they were interrupted',
        interruptedOk,
        `${errors.length} ERROR, ${running.length} were RUNNING or starting`,
      );
      const runs = runsPerExecution(await readMarks(join(marksDir, 'marks.txt')));
      const claimedIds = new Set(
        atKill.filter((e) => e.status === 'SUBMITTED' && e.workerId && !e.startTime).map((e) => e.id),
      );
      const strict = complete.filter((e) => !claimedIds.has(e.id));
      const once =
        strict.every((e) => runs.get(e.id) === 1) && errors.every((e) => (runs.get(e.id) ?? 0) <= 1);
      checks.check(
        'each execution not claimed at the kill ran exactly once; no interrupted one ran again',
        once,
        `${strict.length} COMPLETE checked, ${errors.length} interrupted`,
      );
      const twice = [...claimedIds].filter((id) => (runs.get(id) ?? 0) > 1);
      report(
        `claimed, not yet starting at the kill: ${claimedIds.size}; of these ${twice.length} ran twice ` +
          '(claimed messages go back to their queue; those whose container was being started end as interrupted)',
      );
      const left = await containersOf(actor.id);
      checks.check(
        "the dead emulator's containers were removed",
        left.length === 0,
        `${orphans.length} after the kill, ${left.length} now`,
      );
      checks.check('the restarted emulator answers', (await api2.actor(actor.id)).status === 'READY');
    } finally {
      await first?.kill9();
      await second?.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(marksDir, { recursive: true, force: true });
    }
  },
};

await runIfMain(import.meta.url, crash);
