/**
 * Benchmark 7b: the dev loop on an actor with only its own Dockerfile (Python, no TypeScript): for a save of its
 * source, the time from the file write to the execution's COMPLETE event of `actorkit dev --json` (the source
 * reaches the container through actor.json's dev mount, so no image is built), median over 10 edits, beside
 * `docker run --rm` of the same image with the same folder mounted, the two alternating edit by edit.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dockerClient, PYTHON_BASE_IMAGE } from '@actorkit/docker';
import { executionEnv } from '@actorkit/testing';
import { BENCH_LABEL } from './lib/bench-images.js';
import { runIfMain, type Benchmark } from './lib/benchmark.js';
import { dockerCli, envArgs } from './lib/docker-cli.js';
import { DevProcess } from './lib/dev-process.js';
import { REPO_ROOT } from './lib/emulator-process.js';
import { out } from './lib/output.js';
import { round, summarize } from './lib/stats.js';

const SOURCE = (marker: string) =>
  [
    'import os',
    '',
    "name = (os.environ.get('MSG') or '').strip() or 'world'",
    `print('${marker}%s, %s!' % (os.environ.get('GREETING', 'Hello'), name))`,
    '',
  ].join('\n');

/** A minimal Python actor: its own Dockerfile FROM the local Python base image, src/ mounted by the dev loop. */
async function writePythonActor(dir: string, image: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src'), { recursive: true });
  await mkdir(join(dir, 'fixtures'), { recursive: true });
  await writeFile(
    join(dir, 'Dockerfile'),
    `FROM ${PYTHON_BASE_IMAGE}\nWORKDIR /app\nCOPY src/ /app/src/\nCMD ["python3", "/app/src/actor.py"]\n`,
  );
  await writeFile(join(dir, 'src', 'actor.py'), SOURCE(''));
  await writeFile(join(dir, 'fixtures', 'ada.txt'), 'Ada\n');
  await writeFile(
    join(dir, 'actor.json'),
    JSON.stringify(
      {
        name: 'py-bench',
        image,
        stateless: true,
        defaultEnvironment: { GREETING: 'Hello' },
        fixtures: ['fixtures/ada.txt'],
        dev: { mount: { src: '/app/src' } },
      },
      null,
      2,
    ),
  );
}

function runCapture(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stdout })));
  });
}

interface DevEdit {
  /** Write to the round's execution.completed. */
  total: number;
  /** The round's execution.completed `ms`: message sent to COMPLETE seen through the API. */
  execution: number;
}

export const devLoopPython: Benchmark = {
  name: 'dev-loop-python',
  title: 'dev loop, Python actor with its own Dockerfile: source edit to COMPLETE',
  about:
    'A Python actor with only its own Dockerfile (FROM actorkit/python:3.11, COPY src/, CMD python3; no TypeScript: ' +
    'no compile and no type check) and `"dev": {"mount": {"src": "/app/src"}}` in actor.json, under ' +
    '<repo>/.actorkit/bench/, runs under `actorkit dev --json --port 0 --in-memory` (its own emulator, the Docker ' +
    'executor). After round 1 (which builds the image), 10 edits one at a time each change the greeting in ' +
    "src/actor.py; the time is from the write to the arrival of that round's `execution.completed` event, the new " +
    "greeting must be in the round's logs, and no image may be built. The reference, in the same run and " +
    'alternating with it, is what a developer does by hand with the same image: write, then `docker run --rm ' +
    '--network host -v <src>:/app/src:ro -e ...` with the environment the service gives, timed from the write to ' +
    "the container's exit.",
  analysis:
    'Both sides run the same image with the same bind mount and start the same Python, so the ratio is what the dev ' +
    "loop adds to a container run: the watcher's debounce, reading actor.json, the send through the API, and the " +
    "emulator's create/start/wait/inspect/remove through the engine's API instead of the CLI's; the source needs " +
    'no image build (the dev mount), and the image plan is skipped for a save inside the mounted folder.',
  async run({ quick }) {
    const edits = quick ? 3 : 10;
    const base = await dockerClient()
      .getImage(PYTHON_BASE_IMAGE)
      .inspect()
      .catch(() => null);
    if (!base) throw new Error(`${PYTHON_BASE_IMAGE} is not built: npm run base-image -- --python builds it`);
    const dir = join(REPO_ROOT, '.actorkit', 'bench', `py-bench-${process.pid}`);
    const image = `actorkit-dev/py-bench-${process.pid}:latest`;
    // the reference's own copy of src/, outside the watched folder, so its writes start no dev-loop round
    const handSrc = join(REPO_ROOT, '.actorkit', 'bench', `py-bench-hand-${process.pid}`, 'src');
    await writePythonActor(dir, image);
    await mkdir(handSrc, { recursive: true });
    const dev: DevEdit[] = [];
    const hand: number[] = [];
    const env = executionEnv(
      { message: 'Ada', env: { GREETING: 'Hello' }, actorName: 'py-bench' },
      { actorId: 'BYHAND', executionId: 'BYHAND', username: 'bench' },
    );
    const defined = Object.fromEntries(
      Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
    );
    try {
      await using session = new DevProcess([dir, '--port', '0', '--in-memory']);
      const first = await session.next(
        (e) => e.type === 'round.finished' && e.round === 1,
        'round 1 to finish',
        300_000,
      );
      if (first.ok !== true) throw new Error(`round 1 failed: ${JSON.stringify(session.events.slice(-5))}`);
      let lastRound = 1;
      for (let i = 1; i <= edits; i++) {
        const marker = `Edit ${i}: `;
        const from = session.events.length;
        const started = performance.now();
        await writeFile(join(dir, 'src', 'actor.py'), SOURCE(marker));
        const event = await session.next(
          (e) => e.type === 'execution.completed' && (e.round ?? 0) > lastRound,
          `the execution of edit ${i}`,
          120_000,
          from,
        );
        const n = event.round ?? 0;
        await session.next((e) => e.type === 'round.finished' && e.round === n, `round ${n}`, 120_000, from);
        if (event.status !== 'COMPLETE' || !session.logsOf(n).includes(`${marker}Hello, Ada!`))
          throw new Error(
            `edit ${i}: round ${n} ended ${String(event.status)}: ${session.logsOf(n).slice(0, 300)}`,
          );
        if (session.events.some((e) => e.round === n && e.type === 'build.started'))
          throw new Error(`edit ${i} rebuilt the image`);
        lastRound = n;
        const d = { total: event.at - started, execution: Number(event.ms ?? NaN) };
        dev.push(d);
        out.step(`dev loop edit ${i}: ${round(d.total)} ms (execution ${d.execution} ms)`);
        await settle();

        const handMarker = `ByHand ${i}: `;
        const t = performance.now();
        await writeFile(join(handSrc, 'actor.py'), SOURCE(handMarker));
        const run = await runCapture([
          'run',
          '--rm',
          '--network',
          'host',
          '--label',
          BENCH_LABEL,
          '-v',
          `${handSrc}:/app/src:ro`,
          ...envArgs(defined),
          image,
        ]);
        const h = performance.now() - t;
        if (run.code !== 0 || !run.stdout.includes(`${handMarker}Hello, Ada!`))
          throw new Error(`by-hand edit ${i}: exit ${String(run.code)}, output ${run.stdout.slice(0, 300)}`);
        hand.push(h);
        out.step(`docker run --rm edit ${i}: ${round(h)} ms`);
        await settle();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(join(handSrc, '..'), { recursive: true, force: true });
      await dockerCli(['rmi', '-f', image]);
    }
    const d = summarize(dev.map((x) => x.total));
    const de = summarize(dev.map((x) => x.execution));
    const h = summarize(hand);
    const ratio = round(d.median / h.median, 3);
    return {
      name: devLoopPython.name,
      title: devLoopPython.title,
      headers: ['series', 'edits', 'median ms', 'min ms', 'max ms'],
      rows: [
        ['actorkit dev: write to execution.completed', d.n, round(d.median), round(d.min), round(d.max)],
        ['  of which: message sent to COMPLETE seen', de.n, round(de.median), round(de.min), round(de.max)],
        [
          'docker run --rm, same image and mount: write to exit',
          h.n,
          round(h.median),
          round(h.min),
          round(h.max),
        ],
        ['ratio dev / docker run --rm', '', ratio, '', ''],
      ],
      targets: [{ label: 'dev loop / docker run --rm (medians)', value: ratio, limit: 1.2, kind: 'at-most' }],
      notes: [
        `${edits} dev-loop edits and ${edits} \`docker run --rm\` edits, alternating, 300 ms apart; no image build in any dev-loop edit`,
      ],
      data: { dev: dev.map((x) => x.total), devExecution: dev.map((x) => x.execution), hand },
    };
  },
};

function settle(): Promise<void> {
  return new Promise((r) => setTimeout(r, 300));
}

await runIfMain(import.meta.url, devLoopPython);
