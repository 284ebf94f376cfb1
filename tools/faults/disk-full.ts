/**
 * Disk full: the emulator runs on a small tmpfs it cannot grow (its data directory and its run directories), under
 * load — messages whose executions write logs and results, actor registrations — and a filler file takes the last
 * space. Writes must be refused with 507 and a message that says the disk is full and what to do, never a 500, a
 * crash or a hang; reads keep working; nothing acknowledged is lost; executions caught by it end in a defined state;
 * and once the filler is removed, writes succeed again without a restart. A restart on the same directory then finds
 * everything acknowledged. Root only (it mounts the tmpfs); the tmpfs is unmounted at the end, whatever happens.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ACTOR_LABEL } from '@actorkit/docker';
import { dockerOk } from '../bench/lib/docker-cli.js';
import { ChildEmulator, type ChildEmulatorOptions } from '../bench/lib/emulator-process.js';
import { FINAL, RawApi, type ExecutionView } from '../bench/lib/raw-api.js';
import { buildFaultImage, FAULT_IMAGE } from './lib/fault-image.js';
import { popResults } from './lib/probes.js';
import { NotRun, runIfMain, type CheckList, type Scenario } from './lib/scenario.js';
import { timedCall, type Answer } from './lib/timed-call.js';
import { Filler, Tmpfs, TmpfsError } from './lib/tmpfs.js';

/** Every request must be answered within this. */
const BOUND_MS = 10_000;

/** What each execution of the two working actors writes: its logs must hold all of it, its results every one. */
const BUSY = { LINGER_MS: '1500', LOG_BYTES: '200000', RESULTS: '20' };
const QUICK = { LOG_BYTES: '20000', RESULTS: '5' };

interface Plan {
  sizeMb: number;
  writers: number;
  /** How long the disk stays full under load. */
  fullMs: number;
  /** How long the load goes on once the space is back. */
  afterMs: number;
  /** Caps on what may be acknowledged, so the executions to wait for stay few. */
  maxMessages: number;
  maxActors: number;
}

const PLANS: Record<'full' | 'reduced', Plan> = {
  full: { sizeMb: 32, writers: 3, fullMs: 15_000, afterMs: 4000, maxMessages: 150, maxActors: 120 },
  reduced: { sizeMb: 16, writers: 2, fullMs: 6000, afterMs: 2000, maxMessages: 60, maxActors: 40 },
};

type Phase = 'before' | 'full' | 'after';

interface Write {
  phase: Phase;
  /** performance.now() when it was sent. */
  at: number;
  kind: 'register' | 'message';
  answer: Answer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A refusal as it must be: 507, the error envelope, a message saying the disk is full and what to do. */
function clearRefusal(a: Answer): boolean {
  const m = a.envelope?.message ?? '';
  return (
    a.status === 507 &&
    a.envelope?.status === 'error' &&
    a.envelope.result === null &&
    /disk .*full/i.test(m) &&
    /free|space/i.test(m)
  );
}

/** Writers (registrations and messages) and readers against one emulator, each answer recorded with its phase. */
class Load {
  phase: Phase = 'before';
  stopped = false;
  readonly writes: Write[] = [];
  readonly reads: { phase: Phase; what: string; answer: Answer }[] = [];
  readonly actors: string[] = [];
  readonly messages: { actorId: string; executionId: string }[] = [];
  private n = 0;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly targets: string[],
    private readonly plan: Plan,
  ) {}

  private call(method: string, path: string, body?: unknown): Promise<Answer> {
    return timedCall(`${this.url}/actors/v2${path}`, { method, token: this.token, body }, BOUND_MS);
  }

  async message(actorId: string, phase = this.phase): Promise<Answer> {
    const at = performance.now();
    const answer = await this.call('POST', `/${actorId}/messages`, {
      message: `m${this.n++} ${'x'.repeat(2000)}`,
    });
    this.writes.push({ phase, at, kind: 'message', answer });
    const id = (answer.envelope?.result as { executionId?: string } | null)?.executionId;
    if (answer.status === 200 && id) this.messages.push({ actorId, executionId: id });
    return answer;
  }

  private async register(): Promise<void> {
    const phase = this.phase;
    const at = performance.now();
    const answer = await this.call('POST', '', {
      image: FAULT_IMAGE,
      name: `disk-full-${this.n++}`,
      defaultEnvironment: { PAD: 'p'.repeat(8000) },
    });
    this.writes.push({ phase, at, kind: 'register', answer });
    const id = (answer.envelope?.result as { id?: string } | null)?.id;
    if (answer.status === 200 && id) this.actors.push(id);
  }

  async writer(w: number): Promise<void> {
    for (let i = 0; !this.stopped; i++) {
      const messagesLeft = this.messages.length < this.plan.maxMessages;
      const actorsLeft = this.actors.length < this.plan.maxActors;
      if (actorsLeft && (i % 3 === 2 || !messagesLeft)) await this.register();
      else if (messagesLeft) await this.message(this.targets[(w + i) % this.targets.length] ?? '');
      await sleep(messagesLeft || actorsLeft ? 80 : 250);
    }
  }

  async reader(): Promise<void> {
    for (let i = 0; !this.stopped; i++) {
      const phase = this.phase;
      const target = this.targets[i % this.targets.length] ?? '';
      const done = this.messages[i % Math.max(1, this.messages.length)];
      const [what, path] = [
        ['list the actors', ''],
        ['read an actor', `/${target}`],
        ['list its executions', `/${target}/executions`],
        ['read an execution', done ? `/${done.actorId}/executions/${done.executionId}` : `/${target}`],
        ['read its logs', done ? `/${done.actorId}/executions/${done.executionId}/logs` : `/${target}`],
      ][i % 5] as [string, string];
      this.reads.push({ phase, what, answer: await this.call('GET', path) });
      await sleep(100);
    }
  }
}

function tally(writes: Write[], phase: Phase): string {
  const mine = writes.filter((w) => w.phase === phase);
  const by = new Map<number, number>();
  for (const w of mine) by.set(w.answer.status, (by.get(w.answer.status) ?? 0) + 1);
  return `${mine.length} writes (${[...by]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s === 0 ? 'no answer' : s}×${n}`)
    .join(', ')})`;
}

async function containersOf(actorIds: string[]): Promise<string[]> {
  const all = (await dockerOk(['ps', '-aq', '--filter', `label=${ACTOR_LABEL}`])).split('\n').filter(Boolean);
  if (all.length === 0) return [];
  const labels = await dockerOk([
    'inspect',
    '-f',
    `{{.Id}} {{index .Config.Labels "${ACTOR_LABEL}"}}`,
    ...all,
  ]);
  const mine = new Set(actorIds);
  return labels
    .split('\n')
    .map((l) => l.split(' '))
    .filter(([, actor]) => actor && mine.has(actor))
    .map(([id]) => id ?? '');
}

async function everythingThere(api: RawApi, load: Load, checks: CheckList, when: string): Promise<void> {
  const listed = new Set(
    (await api.call<{ id: string }[]>('GET', '', undefined, '?limit=100000')).map((a) => a.id),
  );
  const missingActors = load.actors.filter((id) => !listed.has(id));
  const executions = new Map<string, string>();
  for (const actorId of new Set(load.messages.map((m) => m.actorId)))
    for (const e of (await api.summary(actorId)).executions) executions.set(e.id, e.status);
  const missingMessages = load.messages.filter((m) => !executions.has(m.executionId));
  checks.check(
    `${when}: every acknowledged registration and message is there`,
    missingActors.length === 0 && missingMessages.length === 0,
    `${load.actors.length} registrations (${missingActors.length} missing), ${load.messages.length} messages (${missingMessages.length} missing)`,
  );
}

export const diskFull: Scenario = {
  name: 'disk-full',
  title: 'the data directory fills up under load; refused clearly, nothing lost, recovers by itself',
  async run({ reduced }, checks, report) {
    if (process.getuid?.() !== 0) throw new NotRun('it mounts a tmpfs, which needs root; run it as root');
    const plan = PLANS[reduced ? 'reduced' : 'full'];
    await buildFaultImage();
    let disk: Tmpfs;
    try {
      disk = await Tmpfs.mount(plan.sizeMb);
    } catch (error) {
      if (error instanceof TmpfsError) throw new NotRun(`${error.message}; it needs to mount a tmpfs`);
      throw error;
    }
    const dataDir = join(disk.dir, 'data');
    const tmp = join(disk.dir, 'tmp'); // the run directories (sockets, FIFOs) live on the same disk
    await mkdir(tmp, { mode: 0o700 });
    const env = { ...process.env, TMPDIR: tmp, TSX_DISABLE_CACHE: '1', DEBUG: 'actorkit:emulator:error' };
    const options: ChildEmulatorOptions = {
      executor: 'docker',
      dataDir,
      pool: { defaultMaxWorkers: 3, engineRetryMs: 250 },
    };
    const filler = new Filler(join(disk.dir, 'filler.bin'));
    let emu: ChildEmulator | undefined;
    let second: ChildEmulator | undefined;
    let load: Load | undefined;
    const actorIds: string[] = [];
    let ended = false;
    try {
      emu = await ChildEmulator.start(options, env);
      const api = new RawApi(emu.url, emu.token);
      const busy = await api.addActor({
        image: FAULT_IMAGE,
        name: 'busy',
        maxWorkers: 3,
        defaultEnvironment: BUSY,
      });
      const quick = await api.addActor({
        image: FAULT_IMAGE,
        name: 'quick',
        maxWorkers: 2,
        defaultEnvironment: QUICK,
      });
      actorIds.push(busy.id, quick.id);
      await api.waitReady(busy.id);
      await api.waitReady(quick.id);
      report(
        `a ${plan.sizeMb} MiB tmpfs at ${disk.dir}; ${Math.round((await disk.freeBytes()) / 1024)} KiB free after the start`,
      );

      load = new Load(emu.url, emu.token, [busy.id, quick.id], plan);
      const l = load;
      const workers = [...Array.from({ length: plan.writers }, (_, w) => l.writer(w)), l.reader()];
      // Fill once executions are running (some are then caught with their logs and results still to write).
      const warm = Date.now() + 30_000;
      while (Date.now() < warm) {
        const running = (await api.summary(busy.id)).executions.filter((e) => e.status === 'RUNNING').length;
        if (running >= 2 && l.messages.length >= 5) break;
        await sleep(50);
      }
      const atFill = (await api.summary(busy.id)).executions
        .filter((e) => e.status === 'RUNNING')
        .map((e) => e.id);
      l.phase = 'full';
      const filledAt = Date.now();
      const filled = await filler.fill();
      const fullFrom = performance.now();
      report(
        `filled: the filler took ${Math.round(filled / 1024)} KiB; ${atFill.length} executions RUNNING then, ` +
          `${l.messages.length} messages and ${l.actors.length} registrations acknowledged before`,
      );
      let toppedUp = 0;
      while (performance.now() - fullFrom < plan.fullMs) {
        await sleep(250);
        toppedUp += await filler.fill(); // whatever the emulator frees is taken again
      }
      const freeWhenFull = await disk.freeBytes();
      const held = [busy.id, quick.id].map(async (id) => (await api.summary(id)).executions);
      const beforeSpace = (await Promise.all(held)).flat();
      report(
        `when the space returned, as recorded: ${beforeSpace.filter((e) => e.status === 'RUNNING').length} executions RUNNING, ${beforeSpace.filter((e) => e.status === 'SUBMITTED').length} SUBMITTED (what ended meanwhile is recorded once there is space)`,
      );

      l.phase = 'after';
      await filler.remove();
      const spaceAt = Date.now();
      const removed = performance.now();
      let recoveredMs: number | null = null;
      let probes = 0;
      while (performance.now() - removed < 30_000) {
        probes += 1;
        if ((await l.message(quick.id, 'after')).status === 200) {
          recoveredMs = performance.now() - removed;
          break;
        }
        await sleep(50);
      }
      await sleep(plan.afterMs);
      l.stopped = true;
      await Promise.all(workers);

      const refused = l.writes.filter((w) => w.answer.status === 507);
      const other = l.writes.filter((w) => w.answer.status !== 200 && w.answer.status !== 507);
      report(`before the disk filled: ${tally(l.writes, 'before')}`);
      report(
        `while full (${plan.fullMs / 1000} s): ${tally(l.writes, 'full')}; topped up ${toppedUp} B; ${freeWhenFull} B free at the end`,
      );
      report(`after the space returned: ${tally(l.writes, 'after')}`);
      if (refused[0])
        report(`a refusal: ${refused[0].answer.status} "${refused[0].answer.envelope?.message ?? ''}"`);
      for (const w of other.slice(0, 5))
        report(
          `other answer (${w.phase} ${w.kind}): ${w.answer.status} ${w.answer.failure ?? w.answer.text.slice(0, 300)}`,
        );
      const slowest = Math.max(...l.writes.map((w) => w.answer.ms), ...l.reads.map((r) => r.answer.ms));
      report(
        `slowest answer: ${Math.round(slowest)} ms; recovery: ${recoveredMs === null ? 'none within 30 s' : `${Math.round(recoveredMs)} ms after the filler was removed (${probes} probe(s))`}`,
      );

      checks.check(
        'the disk filled: writes were refused while it was full',
        filled > 0 && refused.some((w) => w.phase === 'full'),
        `${refused.filter((w) => w.phase === 'full').length} of ${l.writes.filter((w) => w.phase === 'full').length} writes refused while full`,
      );
      checks.check(
        'every refusal is 507 with the error envelope, saying the disk is full and what to do',
        refused.every((w) => clearRefusal(w.answer)) && other.length === 0,
        `${refused.length} refused with 507, ${refused.filter((w) => !clearRefusal(w.answer)).length} of them unclear; ${other.length} other non-200 answers`,
      );
      const unanswered = [...l.writes.map((w) => w.answer), ...l.reads.map((r) => r.answer)].filter(
        (a) => a.status === 0,
      );
      checks.check(
        `never crashed or hung: the emulator stayed up and answered every request within ${BOUND_MS / 1000} s`,
        emu.alive && unanswered.length === 0,
        `alive ${emu.alive}; ${l.writes.length + l.reads.length} requests, ${unanswered.length} unanswered${unanswered[0] ? ` (${unanswered[0].failure ?? ''})` : ''}; slowest ${Math.round(slowest)} ms`,
      );
      const fullReads = l.reads.filter((r) => r.phase === 'full');
      const badReads = fullReads.filter((r) => r.answer.status !== 200);
      checks.check(
        'reads kept working while the disk was full',
        fullReads.length > 0 && badReads.length === 0,
        `${fullReads.length} reads, ${badReads.length} not 200${badReads[0] ? ` (${badReads[0].what}: ${badReads[0].answer.status} ${badReads[0].answer.text.slice(0, 200)})` : ''}`,
      );
      const sinceRecovery = l.writes.filter((w) => recoveredMs !== null && w.at >= removed + recoveredMs);
      const failedSince = sinceRecovery.filter((w) => w.answer.status !== 200);
      checks.check(
        'it recovered by itself once the space returned: writes succeed again without a restart',
        recoveredMs !== null && failedSince.length === 0,
        recoveredMs === null
          ? 'no write succeeded within 30 s'
          : `the first write succeeded ${Math.round(recoveredMs)} ms after the filler was removed; of the ${sinceRecovery.length} writes sent from then on, ${failedSince.length} failed`,
      );

      await everythingThere(api, l, checks, 'once the space returned');
      actorIds.push(...l.actors);
      const waitStarted = performance.now();
      const finals = new Map<string, ExecutionView>();
      for (const actorId of [busy.id, quick.id]) {
        const ids = l.messages.filter((m) => m.actorId === actorId).map((m) => m.executionId);
        await api
          .waitAllFinal(actorId, ids, 200, reduced ? 120_000 : 300_000)
          .catch((e: unknown) => report(`waiting: ${(e as Error).message}`));
        for (const id of ids) finals.set(id, await api.execution(actorId, id));
      }
      const byStatus = new Map<string, number>();
      for (const e of finals.values()) byStatus.set(e.status, (byStatus.get(e.status) ?? 0) + 1);
      const undefinedEnds = [...finals.values()].filter(
        (e) => !FINAL.has(e.status) || (e.status === 'ERROR' && !e.statusMessage),
      );
      report(
        `the ${finals.size} acknowledged executions ended within ${Math.round((performance.now() - waitStarted) / 1000)} s: ${[...byStatus].map(([s, n]) => `${s}×${n}`).join(', ')}`,
      );
      const endedWhileFull = [...finals.values()].filter((e) => {
        const t = e.finishTime ? Date.parse(e.finishTime) : NaN;
        return t >= filledAt && t <= spaceAt;
      });
      report(
        `${endedWhileFull.length} executions ended while the disk was full: their logs, results and end were held and recorded once there was space`,
      );
      const caught = atFill.map((id) => finals.get(id) ?? { status: 'missing', statusMessage: '' });
      report(
        `the ${atFill.length} RUNNING when the disk filled: ${caught.map((e) => `${e.status}${e.statusMessage ? ` "${e.statusMessage.slice(0, 120)}"` : ''}`).join('; ')}`,
      );
      checks.check(
        'every acknowledged execution, those running when the disk filled included, ended COMPLETE, or ERROR saying why',
        undefinedEnds.length === 0 && finals.size === l.messages.length && endedWhileFull.length > 0,
        `${finals.size} executions, ${undefinedEnds.length} not in a defined end; ${endedWhileFull.length} of them ended while the disk was full`,
      );
      const incomplete: string[] = [];
      for (const m of l.messages) {
        if (finals.get(m.executionId)?.status !== 'COMPLETE') continue;
        const want = m.actorId === busy.id ? BUSY : QUICK;
        const logs = await api.logs(m.actorId, m.executionId);
        const results = await popResults(api, m.actorId, m.executionId, Number(want.RESULTS) + 5);
        const xs = logs.split('x').length - 1;
        if (xs < Number(want.LOG_BYTES) || results.length !== Number(want.RESULTS))
          incomplete.push(`${m.executionId}: ${xs} log bytes, ${results.length} results`);
      }
      checks.check(
        'every COMPLETE execution has all its logs and results, those written while the disk was full included',
        incomplete.length === 0,
        `${incomplete.length} incomplete${incomplete[0] ? ` (${incomplete.slice(0, 3).join('; ')})` : ''}`,
      );
      const notReady: string[] = [];
      for (const id of l.actors) {
        const a = await api
          .actor(id)
          .catch((e: unknown) => ({ status: `unreadable: ${(e as Error).message}` }));
        if (a.status !== 'READY') notReady.push(`${id} ${a.status}`);
      }
      checks.check(
        'every acknowledged actor is READY',
        notReady.length === 0,
        `${l.actors.length} registered, ${notReady.length} not READY${notReady[0] ? ` (${notReady.slice(0, 3).join(', ')})` : ''}`,
      );

      await emu.stop();
      second = await ChildEmulator.start(options, env);
      const api2 = new RawApi(second.url, second.token);
      await everythingThere(api2, l, checks, 'after a restart on the same directory');
      const statuses = new Map(
        (await Promise.all([busy.id, quick.id].map(async (id) => (await api2.summary(id)).executions)))
          .flat()
          .map((e) => [e.id, e.status]),
      );
      const changed = l.messages.filter(
        (m) => statuses.get(m.executionId) !== finals.get(m.executionId)?.status,
      );
      checks.check(
        'the restarted emulator answers, every execution as it ended',
        changed.length === 0,
        `${statuses.size} executions listed, ${changed.length} changed by the restart`,
      );
      ended = true;
    } finally {
      if (load) load.stopped = true;
      if (emu && (!ended || checks.checks.some((c) => !c.ok)))
        report(`the emulator's stderr ended with: ${emu.stderr.slice(-3000)}`);
      await emu?.stop();
      await second?.stop();
      const cleanUp = (what: string) => (error: unknown) =>
        report(`${what} failed: ${(error as Error).message}`);
      await filler.remove().catch(cleanUp('removing the filler'));
      const left = (await containersOf(actorIds).catch(cleanUp('listing containers'))) ?? [];
      if (left.length) await dockerOk(['rm', '-f', ...left]).catch(cleanUp('removing containers'));
      report(`tmpfs ${await disk.unmount()}; ${left.length} container(s) left and removed`);
    }
  },
};

await runIfMain(import.meta.url, diskFull);
