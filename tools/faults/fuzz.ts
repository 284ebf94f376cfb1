/**
 * Fuzz: 10,000 malformed or hostile requests over every route and base path — bad JSON, wrong types, huge and empty
 * bodies, path tricks, unicode, wrong methods, forged or expired tokens, exhausted nonces. Zero 5xx, the server stays
 * up, every body is an envelope. Seeded: the seed is printed, and `--seed <n>` replays the same requests.
 */
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildEmulator } from '../bench/lib/emulator-process.js';
import { problemWith } from './lib/envelope-check.js';
import { BASES, fuzzCase, ROUTES, type FuzzCase } from './lib/fuzz-cases.js';
import { closeFuzzAgent, send } from './lib/fuzz-send.js';
import { preludeCases } from './lib/fuzz-prelude.js';
import { ALICE, prepareTargets } from './lib/fuzz-targets.js';
import { Prng } from './lib/prng.js';
import { runIfMain, type Scenario } from './lib/scenario.js';

const COUNT = 10_000;
const CAP = 65_536;
const TIME_LIMIT_MS = 240_000;

function describe(c: FuzzCase): string {
  const auth =
    Object.keys(c.headers)
      .filter((h) => h !== 'content-type')
      .join(',') || 'no credentials';
  return `#${c.index} ${c.method} ${c.path.slice(0, 120)} [${auth}; ${c.headers['content-type'] ?? 'no type'}; ${c.body?.length ?? 0} B]`;
}

export const fuzz: Scenario = {
  name: 'fuzz',
  title: `${COUNT.toLocaleString('en')} hostile requests: no 5xx, always an envelope, still up`,
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
      const url = new URL(emu.url);
      const r = new Prng(seed);
      const statuses = new Map<number, number>();
      const hit = new Set<string>();
      const problems: string[] = [];
      let transport = '';
      const slow: string[] = [];
      let sent = 0;
      const prelude = preludeCases(targets, CAP);
      const started = performance.now();
      for (let i = 0; i < COUNT && performance.now() - started < TIME_LIMIT_MS; i++) {
        const c = prelude[i] ?? fuzzCase(r, i, targets, CAP);
        sent += 1;
        try {
          const answer = await send(url, c);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          hit.add(c.route);
          if (answer.ms > 2000) slow.push(`${describe(c)}: ${Math.round(answer.ms)} ms`);
          const problem = problemWith(c, answer);
          if (problem) problems.push(`${describe(c)}: ${problem}`);
        } catch (error) {
          transport = `${describe(c)}: ${(error as Error).message}`;
          if (!emu.alive) break;
        }
      }
      closeFuzzAgent();
      const seconds = (performance.now() - started) / 1000;
      report(
        `${sent} requests in ${seconds.toFixed(1)} s; answers: ${[...statuses]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(', ')}`,
      );
      for (const p of problems.slice(0, 15)) report(`problem ${p}`);
      for (const p of slow.slice(0, 5)) report(`slow ${p}`);
      const everyRoute = BASES.flatMap((b) => ROUTES.map((route) => `${b}${route}`));
      const missed = everyRoute.filter((route) => !hit.has(route));
      checks.check(
        `${COUNT.toLocaleString('en')} requests sent within ${TIME_LIMIT_MS / 1000} s, over every route under every base`,
        sent >= COUNT && missed.length === 0,
        `${sent} sent; routes not hit: ${missed.join(', ') || 'none'}`,
      );
      const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
      checks.check('zero 5xx', fiveXX === 0, `${fiveXX} answers ≥ 500`);
      checks.check(
        'every body is an envelope (results and HEAD aside)',
        problems.length - fiveXX <= 0 && problems.every((p) => /HTTP 5\d\d$/.test(p)),
        `${problems.length} problem answers`,
      );
      checks.check(
        'the server answered every request',
        transport === '',
        transport || 'no connection failure or time-out',
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
