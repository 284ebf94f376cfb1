/**
 * Fuzz: 10,000 malformed or hostile requests over every route and base path — bad JSON, wrong types, huge and empty
 * bodies, path tricks, unicode, wrong methods, forged or expired tokens, exhausted nonces, foreign Origin and Host
 * headers. Zero 5xx, the server stays up, every body is an envelope; foreign origins and hosts are refused (403)
 * and the emulator's own served. Then another tenant's identities (its JWTs, the same user name, its admin, its
 * nonce) and foreign origins carrying the admin's token try every route against the target tenant's objects: they
 * must see none of them and change nothing. Seeded: the seed is printed, and `--seed <n>` replays the same requests.
 */
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildEmulator } from '../bench/lib/emulator-process.js';
import { problemWith } from './lib/envelope-check.js';
import { BASES, fuzzCase, ROUTES, type FuzzCase } from './lib/fuzz-cases.js';
import { asForeign, decorateOrigin, leakIn, originProblem } from './lib/fuzz-foreign.js';
import { closeFuzzAgent, send } from './lib/fuzz-send.js';
import { preludeCases } from './lib/fuzz-prelude.js';
import { snapshotDifferences, tenantSnapshot } from './lib/fuzz-snapshot.js';
import { ALICE, OTHER_TENANT, prepareTargets, type FuzzTargets } from './lib/fuzz-targets.js';
import { Prng } from './lib/prng.js';
import { runIfMain, type Scenario } from './lib/scenario.js';

const COUNT = 10_000;
/** Requests of the other tenant's identities, and of foreign origins and hosts with the admin's token. */
const FOREIGN_COUNT = 2_000;
const FOREIGN_ORIGIN_COUNT = 500;
const CAP = 65_536;
const TIME_LIMIT_MS = 240_000;

function describe(c: FuzzCase): string {
  const auth =
    Object.keys(c.headers)
      .filter((h) => h !== 'content-type')
      .join(',') || 'no credentials';
  return `#${c.index} ${c.method} ${c.path.slice(0, 120)} [${auth}${c.foreign ? ` as ${c.foreign}` : ''}; ${c.headers['content-type'] ?? 'no type'}; ${c.body?.length ?? 0} B]`;
}

/** Everything the answers showed, over every phase. */
class Tally {
  readonly statuses = new Map<number, number>();
  readonly hit = new Set<string>();
  readonly problems: string[] = [];
  readonly slow: string[] = [];
  readonly originProblems: string[] = [];
  readonly leaks: string[] = [];
  origins = { refused: 0, served: 0 };
  foreignAnswers = new Map<number, number>();
  transport = '';
  sent = 0;

  constructor(
    private readonly url: URL,
    private readonly targets: FuzzTargets,
    private readonly alive: () => boolean,
  ) {}

  /** Sends one case and records what is wrong with its answer; false when the server is gone. */
  async run(c: FuzzCase): Promise<boolean> {
    this.sent += 1;
    try {
      const answer = await send(this.url, c);
      this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
      this.hit.add(c.route);
      if (answer.ms > 2000) this.slow.push(`${describe(c)}: ${Math.round(answer.ms)} ms`);
      const problem = problemWith(c, answer);
      if (problem) this.problems.push(`${describe(c)}: ${problem}`);
      if (c.origin) {
        this.origins[c.origin.expect === 'served' ? 'served' : 'refused'] += 1;
        const wrong = originProblem(c.origin, c, answer);
        if (wrong) this.originProblems.push(`${describe(c)}: ${wrong}`);
      }
      if (c.foreign) {
        this.foreignAnswers.set(answer.status, (this.foreignAnswers.get(answer.status) ?? 0) + 1);
        const leaked = leakIn(answer, this.targets.secrets);
        if (leaked) this.leaks.push(`${describe(c)}: HTTP ${answer.status} shows ${leaked}`);
      }
    } catch (error) {
      this.transport = `${describe(c)}: ${(error as Error).message}`;
      if (!this.alive()) return false;
    }
    return true;
  }
}

/** The other tenant's identities, each case over any route against the target tenant's objects. */
function foreignCase(r: Prng, index: number, t: FuzzTargets): FuzzCase {
  return asForeign(fuzzCase(r, index, t, CAP, false), r.pick(t.foreign));
}

/** The admin's own token, from a page of a foreign origin or through a foreign Host: refused before anything runs. */
function foreignOriginCase(r: Prng, index: number, t: FuzzTargets): FuzzCase {
  const c = asForeign(fuzzCase(r, index, t, CAP, false), {
    label: '',
    headers: { authorization: `Bearer ${t.tokens.admin}` },
  });
  delete c.foreign;
  for (const h of ['origin', 'host', 'access-control-request-method']) delete c.headers[h];
  c.origin = decorateOrigin(r, t.host, c.headers, true);
  return c;
}

export const fuzz: Scenario = {
  name: 'fuzz',
  title: `${COUNT.toLocaleString('en')} hostile requests: no 5xx, always an envelope, still up; foreign origins, hosts and tenants get nothing`,
  async run({ seed: given }, checks, report) {
    const seed = given ?? randomInt(1, 2 ** 31 - 1);
    report(`seed ${seed} (replay: npm run faults -- fuzz --seed ${seed})`);
    const dataDir = await mkdtemp(join(tmpdir(), 'actorkit-faults-fuzz-'));
    const emu = await ChildEmulator.start({
      executor: 'none',
      dataDir,
      trustJwt: true,
      maxBodyBytes: CAP,
      maxBinaryBytes: CAP,
      users: [ALICE],
    });
    try {
      const targets = await prepareTargets(emu, dataDir);
      const r = new Prng(seed);
      const tally = new Tally(new URL(emu.url), targets, () => emu.alive);
      const prelude = preludeCases(targets, CAP);
      const started = performance.now();
      for (let i = 0; i < COUNT && performance.now() - started < TIME_LIMIT_MS; i++) {
        if (!(await tally.run(prelude[i] ?? fuzzCase(r, i, targets, CAP)))) break;
      }
      const randomSent = tally.sent;
      const seconds = (performance.now() - started) / 1000;

      // The other tenant's turn: the target tenant as its admin sees it, before and after.
      const before = await tenantSnapshot(emu.url, emu.token);
      const foreignStarted = performance.now();
      for (let i = 0; i < FOREIGN_COUNT + FOREIGN_ORIGIN_COUNT && emu.alive; i++) {
        const c =
          i < FOREIGN_COUNT ? foreignCase(r, COUNT + i, targets) : foreignOriginCase(r, COUNT + i, targets);
        if (!(await tally.run(c))) break;
      }
      const foreignSeconds = (performance.now() - foreignStarted) / 1000;
      const after = emu.alive ? await tenantSnapshot(emu.url, emu.token) : new Map<string, string>();
      closeFuzzAgent();

      report(
        `${randomSent} requests in ${seconds.toFixed(1)} s, then ${tally.sent - randomSent} of other tenants and foreign origins in ${foreignSeconds.toFixed(1)} s; answers: ${[
          ...tally.statuses,
        ]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(', ')}`,
      );
      report(
        `${OTHER_TENANT}'s identities (${targets.foreign.map((f) => f.label).join('; ')}) got: ${[
          ...tally.foreignAnswers,
        ]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(', ')}`,
      );
      for (const p of tally.problems.slice(0, 15)) report(`problem ${p}`);
      for (const p of tally.originProblems.slice(0, 10)) report(`origin problem ${p}`);
      for (const p of tally.leaks.slice(0, 10)) report(`leak ${p}`);
      for (const p of tally.slow.slice(0, 5)) report(`slow ${p}`);
      const everyRoute = BASES.flatMap((b) => ROUTES.map((route) => `${b}${route}`));
      const missed = everyRoute.filter((route) => !tally.hit.has(route));
      checks.check(
        `${COUNT.toLocaleString('en')} requests sent within ${TIME_LIMIT_MS / 1000} s, over every route under every base`,
        randomSent >= COUNT && missed.length === 0,
        `${randomSent} sent; routes not hit: ${missed.join(', ') || 'none'}`,
      );
      const fiveXX = [...tally.statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
      checks.check('zero 5xx', fiveXX === 0, `${fiveXX} answers ≥ 500`);
      checks.check(
        'every body is an envelope (results, HEAD and the dashboard page aside)',
        tally.problems.length - fiveXX <= 0 && tally.problems.every((p) => /HTTP 5\d\d$/.test(p)),
        `${tally.problems.length} problem answers`,
      );
      checks.check(
        'the server answered every request',
        tally.transport === '',
        tally.transport || 'no connection failure or time-out',
      );
      checks.check(
        'foreign Origins and Hosts are refused with 403 naming --cors-origin / --allowed-host (no CORS for them); its own origin, localhost, *.localhost and IP literals are served',
        tally.originProblems.length === 0 && tally.origins.refused > 0 && tally.origins.served > 0,
        `${tally.origins.refused} foreign, ${tally.origins.served} allowed; ${tally.originProblems.length} answered wrongly`,
      );
      const foreignSent = [...tally.foreignAnswers.values()].reduce((n, k) => n + k, 0);
      checks.check(
        `${OTHER_TENANT}'s identities never see the target tenant's actors, executions, workers or nonces`,
        tally.leaks.length === 0 && foreignSent >= FOREIGN_COUNT,
        `${foreignSent} requests; ${tally.leaks.length} successful answers showed a target id`,
      );
      const changed = snapshotDifferences(before, after);
      for (const d of changed.slice(0, 8)) report(`changed ${d}`);
      checks.check(
        `after the other tenant's requests and the foreign origins', the target tenant's actors, aliases and nonces are unchanged`,
        emu.alive && before.size > 0 && changed.length === 0,
        `${before.size} answers compared, ${changed.length} differ`,
      );
      // The fuzzer may have deleted any actor it was given, so liveness is judged on what it cannot take away:
      // the list answers, and a fresh actor can be registered and read back.
      const auth = { authorization: `Bearer ${emu.token}` };
      const list = await fetch(`${emu.url}/actors/v2`, { headers: auth });
      const created = await fetch(`${emu.url}/actors/v2`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ image: 'actorkit/after-fuzz:1', name: 'after-fuzz' }),
      });
      const id = created.ok ? ((await created.json()) as { result?: { id?: string } }).result?.id : undefined;
      const readBack = id ? await fetch(`${emu.url}/actors/v2/${id}`, { headers: auth }) : undefined;
      checks.check(
        'the server is still up and answers',
        emu.alive && list.status === 200 && created.ok && readBack?.status === 200,
        `pid ${emu.pid}; list ${list.status}, register ${created.status}, read back ${readBack?.status ?? 'not tried'}`,
      );
    } finally {
      closeFuzzAgent();
      await emu.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

await runIfMain(import.meta.url, fuzz);
