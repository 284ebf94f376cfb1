/**
 * The Docker engine stops mid-run and comes back: the suite prints what users saw meanwhile and checks that nothing
 * was lost. It stops this machine's engine, so it runs only with ACTORKIT_ENGINE_RESTART=1 (CI sets it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FINAL } from '../bench/lib/raw-api.js';
import { withEmulator } from '../bench/lib/session.js';
import { ENGINE_RESTART_ENV, startEngine, stopEngine, type StoppedEngine } from './lib/engine-control.js';
import { buildFaultImage, FAULT_IMAGE } from './lib/fault-image.js';
import { readMarks, runsPerExecution } from './lib/marks.js';
import { healthy } from './lib/probes.js';
import { NotRun, runIfMain, type Scenario } from './lib/scenario.js';

const DOWN_MS = 6000;

export const engineRestart: Scenario = {
  name: 'engine-restart',
  title: 'the Docker engine stops mid-run and comes back',
  async run({ reduced }, checks, report) {
    if (process.env[ENGINE_RESTART_ENV] !== '1') {
      throw new NotRun(
        `it stops this machine's Docker engine (SIGTERM to dockerd, then starts it again), which kills every container ` +
          `running on the machine; set ${ENGINE_RESTART_ENV}=1 to run it (CI does)`,
      );
    }
    const before = reduced ? 6 : 12;
    await buildFaultImage();
    const marksDir = await mkdtemp(join(tmpdir(), 'actorkit-faults-marks-'));
    let stopped: StoppedEngine | null = null;
    try {
      await withEmulator(
        { executor: 'docker', pool: { defaultMaxWorkers: 2, engineRetryMs: 500 } },
        async ({ api }) => {
          const actor = await api.addActor({
            image: FAULT_IMAGE,
            name: 'engine',
            defaultEnvironment: {
              LINGER_MS: '1500',
              MARK_FILE: '/faults/marks.txt',
              ACTORKIT_DEV_MOUNTS: `${marksDir}:/faults`,
            },
          });
          const control = await api.addActor({ image: FAULT_IMAGE, name: 'control' });
          await api.waitReady(actor.id);
          await api.waitReady(control.id);
          const ids: string[] = [];
          for (let i = 0; i < before; i++) ids.push(await api.send(actor.id, `before ${i}`));
          while (!(await api.summary(actor.id)).executions.some((e) => e.status === 'RUNNING'))
            await new Promise((r) => setTimeout(r, 20));
          const atStop = new Map((await api.summary(actor.id)).executions.map((e) => [e.id, e.status]));
          stopped = await stopEngine();
          report(
            `engine stopped with ${[...atStop.values()].filter((s) => s === 'RUNNING').length} RUNNING and ${[...atStop.values()].filter((s) => s === 'SUBMITTED').length} SUBMITTED`,
          );
          const seen = new Set<string>();
          let apiFailures = 0;
          const downUntil = Date.now() + DOWN_MS;
          for (let i = 0; Date.now() < downUntil; i++) {
            try {
              if (i % 4 === 0) ids.push(await api.send(actor.id, `during ${i}`));
              const a = await api.actor(actor.id);
              seen.add(`actor ${a.status}${a.statusMessage ? `: ${a.statusMessage}` : ''}`);
              for (const id of ids) {
                const e = await api.execution(actor.id, id);
                seen.add(`execution ${e.status}${e.statusMessage ? `: ${e.statusMessage}` : ''}`);
              }
            } catch (error) {
              apiFailures += 1;
              seen.add(`API failure: ${(error as Error).message.slice(0, 200)}`);
            }
            await new Promise((r) => setTimeout(r, 500));
          }
          for (const line of [...seen].sort()) report(`while the engine was down, users saw: ${line}`);
          checks.check(
            'the API answered every request while the engine was down, and accepted new messages',
            apiFailures === 0,
            `${apiFailures} failures; ${ids.length - before} messages sent meanwhile`,
          );
          await startEngine(stopped);
          stopped = null;
          report('engine started again');
          await api.waitAllFinal(actor.id, ids, 100, 240_000);
          const finals = await Promise.all(ids.map((id) => api.execution(actor.id, id)));
          for (const e of finals.filter((f) => atStop.get(f.id) === 'RUNNING')) {
            report(
              `running at the stop: ${e.status}, exit ${String(e.exitCode)}${e.statusMessage ? `, "${e.statusMessage}"` : ''}`,
            );
          }
          const notStarted = finals.filter(
            (f) => atStop.get(f.id) !== 'RUNNING' && atStop.get(f.id) !== 'COMPLETE',
          );
          checks.check(
            'every message reached a final state; none lost',
            finals.length === ids.length && finals.every((f) => FINAL.has(f.status)),
            `${finals.filter((f) => FINAL.has(f.status)).length} of ${ids.length} final`,
          );
          checks.check(
            'every message not yet started at the stop ran after it, COMPLETE',
            notStarted.every((f) => f.status === 'COMPLETE' && f.exitCode === 0),
            `${notStarted.filter((f) => f.status === 'COMPLETE').length} of ${notStarted.length} COMPLETE`,
          );
          const runs = runsPerExecution(await readMarks(join(marksDir, 'marks.txt')));
          checks.check(
            'no message ran twice',
            ids.every((id) => (runs.get(id) ?? 0) <= 1),
            `${runs.size} executions started`,
          );
          const h = await healthy(api, control.id);
          checks.check('the emulator is healthy after the engine came back', h.ok, h.detail);
        },
      );
    } finally {
      if (stopped) await startEngine(stopped);
      await rm(marksDir, { recursive: true, force: true });
    }
  },
};

await runIfMain(import.meta.url, engineRestart);
