import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON_BASE_IMAGE, dockerClient, pingEngine } from '@actorkit/docker';
import { BIN, ROOT } from './cli-fixture.js';
import { DapClient } from './dap.js';
import { DevProcess } from './dev-events.js';

const engine = await pingEngine();
const pythonImage = engine.ok
  ? await dockerClient()
      .getImage(PYTHON_BASE_IMAGE)
      .inspect()
      .then(
        () => true,
        () => false,
      )
  : false;
// In CI the engine and the Python base image must be there (.ci/run builds it): a missing one fails, loudly.
const skip = (!engine.ok || !pythonImage) && process.env.CI !== 'true';

function actorkit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * The dev loop on an actor with its own Dockerfile and no TypeScript: the Python actor `actorkit init --lang python`
 * scaffolds, in a folder under the ignored .actorkit folder. No compile, no type check; the image is built from its
 * Dockerfile, and src/ (actor.json's dev mount) reaches each container without a rebuild.
 */
describe.skipIf(skip)('actorkit dev on a Python actor (its own Dockerfile, no TypeScript)', () => {
  const dir = join(ROOT, '.actorkit', 'e2e', `py-${process.pid}`);
  const image = `actorkit-dev/py-e2e-${process.pid}:latest`;
  const actorFile = join(dir, 'src', 'actor.py');

  beforeAll(async () => {
    if (!engine.ok) throw new Error(`the Python dev loop test needs a Docker engine: ${engine.message}`);
    if (!pythonImage)
      throw new Error(`the Python dev loop test needs ${PYTHON_BASE_IMAGE}: npm run base-image -- --python`);
    await rm(dir, { recursive: true, force: true });
    const init = await actorkit(['init', dir, '--lang', 'python', '--name', 'py-e2e']);
    expect(init.code, init.stderr).toBe(0);
    const config = JSON.parse(await readFile(join(dir, 'actor.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'actor.json'), JSON.stringify({ ...config, image }, null, 2));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await dockerClient()
      .getImage(image)
      .remove({ force: true })
      .catch(() => undefined);
  });

  it('--once builds the image, runs every fixture to COMPLETE with results and state diffs, and exits 0', async () => {
    const r = await actorkit(['dev', dir, '--once', '--port', '0', '--in-memory']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/compiled|type check/);
    expect(r.stdout).toMatch(
      /building actorkit-dev\/py-e2e-\d+:latest — .*not built yet; FROM actorkit\/python:3\.11/,
    );
    expect(r.stdout).toContain('│ Hello, Ada!');
    expect(r.stdout).toContain('⇐ result 1 (27 B): {"greeting": "Hello, Ada!"}');
    expect(r.stdout).toContain('state + greetings = 1');
    expect(r.stdout).toContain('state ~ greetings: 1 → 2');
    expect(r.stdout).toContain('│ received 8 bytes');
    expect(r.stdout).toMatch(/✔ round 1 ok/);
  }, 180_000);

  it('a save of src/ reaches a result without a rebuild; bytes and pickles are shown as such; the Dockerfile rebuilds', async () => {
    await using dev = new DevProcess([dir, '--port', '0', '--in-memory'], ROOT);
    const logsOf = (round: number) =>
      dev
        .inRound(round, 'execution.log')
        .map((e) => String(e.text))
        .join('');
    await dev.next((e) => e.type === 'watching', 'the watcher to start');
    const first = await dev.roundFinished(1);
    expect(first.ok).toBe(true);
    expect(
      dev.events.filter((e) => e.type === 'compile.finished' || e.type === 'typecheck.finished'),
    ).toEqual([]);
    // built by the --once run before: current
    expect(dev.inRound(1, 'build.skipped')).toHaveLength(1);

    const source = await readFile(actorFile, 'utf8');
    const edited = source
      .replace('    print(greeting)\n', "    print('Edited: ' + greeting)\n")
      .replace(
        "    send_bytes_result(json.dumps({'greeting': greeting}).encode())\n",
        "    send_bytes_result(json.dumps({'greeting': greeting}).encode())\n" +
          '    send_bytes_result(bytes([0, 159, 146, 150, 255, 1, 2, 3]))\n' +
          "    __import__('actors').send_python_result({'greeting': greeting, 'at': 1.5})\n",
      );
    expect(edited).not.toBe(source);
    await writeFile(actorFile, edited);
    const second = await dev.roundFinished(2);
    expect(second.ok, JSON.stringify(dev.events.slice(-6))).toBe(true);
    expect(dev.inRound(2, 'build.started')).toHaveLength(0);
    expect(dev.inRound(2, 'build.skipped')[0]).toMatchObject({
      reason: expect.stringContaining('dev mount'),
    });
    expect(dev.inRound(2, 'actor.updated')).toHaveLength(0);
    expect(logsOf(2)).toContain('Edited: Hello, Ada!');
    const results = dev.inRound(2, 'execution.result');
    expect(results.find((e) => e.kind === 'bytes')).toMatchObject({
      bytes: 8,
      preview: '8 bytes: 00 9f 92 96 ff 01 02 03',
    });
    const pickle = results.find((e) => e.kind === 'pickle');
    expect(pickle?.preview).toMatch(/^Python object, cloudpickle, \d+ bytes$/);
    expect(results.find((e) => e.kind === 'text')).toMatchObject({ preview: '{"greeting": "Hello, Ada!"}' });

    // A fixture the dev loop reads itself: a new round, no image plan.
    await writeFile(join(dir, 'fixtures', 'hello.json'), JSON.stringify({ name: 'Lin' }));
    const third = await dev.roundFinished(3);
    expect(third.ok).toBe(true);
    expect(dev.inRound(3, 'build.started')).toHaveLength(0);
    expect(logsOf(3)).toContain('Edited: Hello, Lin!');

    // The Dockerfile is what the image is made of: a rebuild, and the actor is updated onto it.
    const dockerfile = await readFile(join(dir, 'Dockerfile'), 'utf8');
    await writeFile(
      join(dir, 'Dockerfile'),
      dockerfile.replace('WORKDIR /app', 'LABEL org.actorkit.e2e="1"\nWORKDIR /app'),
    );
    const fourth = await dev.roundFinished(4);
    expect(fourth.ok).toBe(true);
    expect(dev.inRound(4, 'build.started')[0]).toMatchObject({
      reason: expect.stringContaining('the Dockerfile changed'),
    });
    expect(dev.inRound(4, 'actor.updated')).toHaveLength(1);
    expect(logsOf(4)).toContain('Edited: Hello, Lin!');

    // A file of the build context outside the dev mount goes in through a rebuild, named.
    await writeFile(join(dir, 'requirements.txt'), '# none\n');
    const fifth = await dev.roundFinished(5);
    expect(fifth.ok).toBe(true);
    expect(dev.inRound(5, 'build.started')[0]).toMatchObject({
      reason: expect.stringContaining('requirements.txt (new) changed'),
    });

    // A mistake in actor.json's dev settings is the user's, said clearly, and the loop goes on.
    const config = await readFile(join(dir, 'actor.json'), 'utf8');
    await writeFile(
      join(dir, 'actor.json'),
      JSON.stringify({ ...JSON.parse(config), dev: { mount: { src: 'app/src' } } }),
    );
    const sixth = await dev.roundFinished(6);
    expect(sixth.ok).toBe(false);
    expect(dev.inRound(6, 'error')[0]).toMatchObject({
      kind: 'user',
      message: expect.stringMatching(/dev\.mount\.src: the path in the image must be absolute/),
    });
    await writeFile(join(dir, 'actor.json'), config);
    const seventh = await dev.roundFinished(7);
    expect(seventh.ok).toBe(true);
  }, 240_000);

  it("--inspect-brk starts the image's command under debugpy, which waits for a client and stops at a breakpoint", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const config = JSON.parse(await readFile(join(dir, 'actor.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(
      join(dir, 'actor.json'),
      JSON.stringify({ ...config, fixtures: ['fixtures/hello.json'] }),
    );
    await writeFile(join(dir, 'fixtures', 'hello.json'), JSON.stringify({ name: 'Ada' }));
    const source = await readFile(actorFile, 'utf8');
    const line = source.split('\n').findIndex((l) => l.includes('greeting = greeting_for(context)')) + 2;

    await using dev = new DevProcess(
      [dir, '--once', '--port', '0', '--in-memory', `--inspect-brk=${port}`],
      ROOT,
    );
    const enabled = await dev.next((e) => e.type === 'inspector.enabled', 'the debugger to be announced');
    expect(enabled).toMatchObject({
      language: 'python',
      port,
      wait: true,
      launch: {
        type: 'debugpy',
        connect: { host: '127.0.0.1', port },
        pathMappings: [{ remoteRoot: '/app/src' }],
      },
    });
    await dev.next((e) => e.type === 'execution.started', 'the execution to start', 120_000);

    await using dap = await DapClient.connect(port);
    await dap.request('initialize', { adapterID: 'debugpy', clientID: 'actorkit-test', linesStartAt1: true });
    const attached = dap.request('attach', { justMyCode: true });
    await dap.event('initialized');
    const set = await dap.request('setBreakpoints', {
      source: { path: '/app/src/actor.py' },
      breakpoints: [{ line }],
    });
    expect((set.body as { breakpoints: { verified: boolean }[] }).breakpoints[0]?.verified).toBe(true);
    await dap.request('configurationDone');
    await attached;
    const stopped = await dap.event('stopped', 60_000);
    expect((stopped.body as { reason: string }).reason).toBe('breakpoint');
    const threadId = (stopped.body as { threadId: number }).threadId;
    const trace = await dap.request('stackTrace', { threadId, levels: 1 });
    const frame = (trace.body as { stackFrames: { id: number; line: number }[] }).stackFrames[0]!;
    expect(frame.line).toBe(line);
    const value = await dap.request('evaluate', {
      expression: 'greeting',
      frameId: frame.id,
      context: 'watch',
    });
    expect((value.body as { result: string }).result).toBe("'Hello, Ada!'");
    await dap.request('continue', { threadId });
    await dap[Symbol.asyncDispose]();

    const completed = await dev.next(
      (e) => e.type === 'execution.completed',
      'the execution to end',
      120_000,
    );
    expect(completed).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
    expect((await dev.roundFinished(1)).ok).toBe(true);
  }, 240_000);
});
