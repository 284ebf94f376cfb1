import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorsClient } from '@actorkit/api';
import { devCommand } from '@actorkit/emulator';
import { dockerfileBases, loadActorProject } from '@actorkit/project';
import { DevLoop } from '../src/dev/dev-loop.js';
import type { DevEvent } from '../src/dev/events.js';
import { debugpyCommand, nodeInspectOptions } from '../src/dev/inspector.js';
import { renderEvent } from '../src/dev/render.js';
import { previewResult } from '../src/dev/run-fixtures.js';
import { devSteps, type DevStep, type RoundState } from '../src/dev/steps/index.js';
import { createOutput } from '../src/output.js';
import { cli } from './cli-fixture.js';

const style = createOutput({ stdout: process.stdout, stderr: process.stderr, env: { NO_COLOR: '1' } }).style;
const client = {} as ActorsClient;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'actorkit-steps-'));
  await writeFile(join(dir, 'actor.json'), JSON.stringify({ name: 'steps' }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A step that records its calls and, when told, waits until the round is aborted. */
function step(name: string, log: string[], block?: () => boolean): DevStep {
  return {
    name,
    async run(round: RoundState) {
      log.push(`${name} ${round.round}`);
      round.emit({ type: 'build.progress', round: round.round, line: `${name} ran` });
      if (block?.()) {
        await new Promise((_, reject) =>
          round.signal.addEventListener('abort', () => reject(round.signal.reason as Error)),
        );
      }
      return 'continue';
    },
    roundEnded(round, settled) {
      log.push(`${name} ended ${round.round} ${settled ? 'settled' : 'unsettled'}`);
    },
  };
}

describe('the dev loop takes its steps as parameters', () => {
  it('runs them in order, and a newer round cancels the one in flight, whose late events are dropped', async () => {
    const project = await loadActorProject(dir);
    const events: DevEvent[] = [];
    const log: string[] = [];
    let blockFirst = true;
    const late: { emit?: (e: DevEvent) => void } = {};
    const b = step('b', log, () => {
      const blocking = blockFirst;
      blockFirst = false;
      return blocking;
    });
    const steps: DevStep[] = [
      step('a', log),
      {
        ...b,
        run: (round) => {
          late.emit ??= round.emit;
          return b.run(round);
        },
      },
    ];
    const loop = new DevLoop({ project, client, executor: 'docker', emit: (e) => events.push(e), steps });
    const first = loop.runRound('first round');
    await new Promise((r) => setTimeout(r, 20));
    const second = await loop.runRound('src/actor.py changed', ['src/actor.py']);
    expect(await first).toBe(false);
    expect(second).toBe(true);
    late.emit!({ type: 'build.progress', round: 1, line: 'late' });
    expect(events.map((e) => e.type)).toEqual([
      'round.started',
      'build.progress',
      'build.progress',
      'round.cancelled',
      'round.started',
      'build.progress',
      'build.progress',
      'round.finished',
    ]);
    expect(events.some((e) => e.type === 'build.progress' && e.line === 'late')).toBe(false);
    expect(log).toEqual([
      'a 1',
      'b 1',
      'a ended 1 unsettled',
      'b ended 1 unsettled',
      'a 2',
      'b 2',
      'a ended 2 settled',
      'b ended 2 settled',
    ]);
    await loop[Symbol.asyncDispose]();
  });

  it('a Dockerfile-only actor is the same loop without the compile and the type check', async () => {
    const py = join(dir, 'py');
    await mkdir(join(py, 'src'), { recursive: true });
    await writeFile(
      join(py, 'actor.json'),
      JSON.stringify({ name: 'py', dev: { mount: { src: '/app/src' } } }),
    );
    await writeFile(
      join(py, 'Dockerfile'),
      'FROM actorkit/python:3.11\nCOPY src/ /app/src/\nCMD ["python3", "/app/src/actor.py"]\n',
    );
    await writeFile(join(py, 'src', 'actor.py'), 'print("hi")\n');
    const project = await loadActorProject(py);
    expect(project).toMatchObject({
      kind: 'dockerfile',
      language: 'python',
      devMounts: [{ folder: 'src', target: '/app/src' }],
    });
    expect(devSteps({ project, client }).map((s) => s.name)).toEqual(['image', 'register', 'fixtures']);
    expect(devSteps({ project, client, inspect: { port: 5678, wait: false } }).map((s) => s.name)).toEqual([
      'image',
      'inspect',
      'register',
      'fixtures',
    ]);
    await mkdir(join(dir, 'ts', 'src'), { recursive: true });
    await writeFile(join(dir, 'ts', 'actor.json'), JSON.stringify({ name: 'ts' }));
    await writeFile(join(dir, 'ts', 'src', 'actor.ts'), 'export {};\n');
    const ts = await loadActorProject(join(dir, 'ts'));
    expect(ts).toMatchObject({ kind: 'typescript', language: 'typescript', devMounts: [] });
    expect(devSteps({ project: ts, client }).map((s) => s.name)).toEqual([
      'compile',
      'image',
      'register',
      'fixtures',
      'typecheck',
    ]);
  });

  it('refuses a dev.mount folder that is not there, by name', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    await writeFile(
      join(bad, 'actor.json'),
      JSON.stringify({ name: 'bad', dev: { mount: { lib: '/app/lib' } } }),
    );
    await expect(loadActorProject(bad)).rejects.toThrow(/dev\.mount\.lib: .*bad\/lib is not a folder/);
    await writeFile(
      join(bad, 'actor.json'),
      JSON.stringify({ name: 'bad', dev: { mount: { '../x': '/app' } } }),
    );
    await expect(loadActorProject(bad)).rejects.toThrow(
      /dev\.mount\.\.\.\/x: name a folder inside the actor/,
    );
    await writeFile(join(bad, 'actor.json'), JSON.stringify({ name: 'bad', dev: { mounts: {} } }));
    await expect(loadActorProject(bad)).rejects.toThrow(/dev: Unrecognized key: "mounts"/);
  });
});

describe('results as a person reads them', () => {
  it('text and JSON as they are, pickles by what they are, other bytes as length and hex', () => {
    expect(previewResult(new TextEncoder().encode('{"count": 2}'))).toEqual({
      kind: 'text',
      preview: '{"count": 2}',
    });
    expect(previewResult(new TextEncoder().encode('héllo wörld'))).toMatchObject({ kind: 'text' });
    const pickle = Uint8Array.from([0x80, 0x05, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x7d, 0x94, 0x2e]);
    expect(previewResult(pickle)).toEqual({
      kind: 'pickle',
      preview: 'Python object, cloudpickle, 14 bytes',
    });
    const bytes = Uint8Array.from({ length: 40 }, (_, i) => (i * 37) % 256);
    expect(previewResult(bytes)).toEqual({
      kind: 'bytes',
      preview: '40 bytes: 00 25 4a 6f 94 b9 de 03 28 4d 72 97 bc e1 06 2b …',
    });
    expect(
      renderEvent(
        {
          type: 'execution.result',
          round: 1,
          executionId: 'x',
          index: 0,
          bytes: 14,
          ...previewResult(pickle),
        },
        style,
      ),
    ).toEqual(['    ⇐ result 1: Python object, cloudpickle, 14 bytes']);
  });
});

describe('the debugger', () => {
  it('starts Node with the inspector on the loopback and stack traces through the source map', () => {
    expect(nodeInspectOptions({ port: 9229, wait: true }, '--max-old-space-size=256')).toBe(
      '--max-old-space-size=256 --inspect-brk=127.0.0.1:9229 --enable-source-maps',
    );
  });

  it("wraps the image's own Python command in debugpy, or says why it cannot", () => {
    const listen = ['-Xfrozen_modules=off', '-m', 'debugpy', '--listen', '127.0.0.1:5678'];
    expect(debugpyCommand([], ['python3', '/app/actor.py', 'x'], { port: 5678, wait: false })).toEqual({
      ok: true,
      python: 'python3',
      command: ['python3', ...listen, '/app/actor.py', 'x'],
    });
    expect(
      debugpyCommand([], ['/usr/bin/python3.11', '-u', '-W', 'ignore', '-m', 'app'], {
        port: 5678,
        wait: true,
      }),
    ).toEqual({
      ok: true,
      python: '/usr/bin/python3.11',
      command: ['/usr/bin/python3.11', '-u', '-W', 'ignore', ...listen, '--wait-for-client', '-m', 'app'],
    });
    expect(debugpyCommand(['python3', '-u'], ['/actor/actor.py'], { port: 5678, wait: false })).toEqual({
      ok: true,
      python: 'python3',
      command: [...listen, '/actor/actor.py'],
    });
    expect(debugpyCommand(['/entry.sh'], ['python3', 'a.py'], { port: 1, wait: false })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ENTRYPOINT ["/entry.sh"] is not python'),
    });
    expect(debugpyCommand([], ['/bin/sh', '-c', 'python3 a.py'], { port: 1, wait: false })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not start with python'),
    });
  });

  it('the emulator reads ACTORKIT_DEV_COMMAND only when dev mounts are allowed, and only as a JSON array', () => {
    const env = { ACTORKIT_DEV_COMMAND: '["python3", "-m", "debugpy"]' };
    expect(devCommand(env, true)).toEqual(['python3', '-m', 'debugpy']);
    expect(devCommand(env, false)).toBeNull();
    expect(devCommand({ ACTORKIT_DEV_COMMAND: 'python3 a.py' }, true)).toBeNull();
    expect(devCommand({ ACTORKIT_DEV_COMMAND: '[1]' }, true)).toBeNull();
  });

  it('takes --inspect[=port] and --inspect-brk[=port], and says what is wrong before anything starts', async () => {
    const bad = await cli(['dev', dir, '--once', '--inspect=abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--inspect takes a port from 1 to 65535, got "abc"');
    const both = await cli(['dev', dir, '--once', '--inspect', '--inspect-brk=9230']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('pass --inspect or --inspect-brk, not both');
    const help = await cli(['dev', '--help']);
    expect(help.stdout).toMatch(/--inspect\[=port\][\s\S]*--inspect-brk\[=port\]/);
  });

  it('reads the images a Dockerfile builds from, without its stages', () => {
    expect(
      dockerfileBases(
        'ARG V=3.11\nFROM python:${V} AS deps\nFROM --platform=linux/amd64 actorkit/python:3.11 AS run\nFROM deps\nCOPY --from=run / /\n',
      ),
    ).toEqual(['actorkit/python:3.11']);
  });
});
