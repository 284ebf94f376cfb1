import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerClient, pingEngine } from '@actorkit/docker';
import { ROOT } from './cli-fixture.js';
import { CdpSession, generatedPosition, type SourceMapV3 } from './cdp.js';
import { DevProcess } from './dev-events.js';

const engine = await pingEngine();
const skip = !engine.ok && process.env.CI !== 'true';

/** A port nothing listens on now, on the loopback (the containers share the host's network). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `actorkit dev --inspect-brk` on a copy of examples/hello, attached to as a debugger does: through the Chrome
 * DevTools Protocol on the inspector's WebSocket, a breakpoint set by TypeScript file and line (mapped to the bundle
 * through the source map the dev loop writes), hit with the message readable, then resumed to COMPLETE.
 */
describe.skipIf(skip)('actorkit dev --inspect-brk', () => {
  const copy = join(ROOT, '.actorkit', 'e2e', `inspect-${process.pid}`);
  const image = `actorkit-dev/hello-inspect-${process.pid}:latest`;
  const actorFile = join(copy, 'src', 'actor.ts');

  beforeAll(async () => {
    if (!engine.ok) throw new Error(`the debugger test needs a Docker engine: ${engine.message}`);
    await rm(copy, { recursive: true, force: true });
    await mkdir(join(copy, 'src'), { recursive: true });
    await cp(join(ROOT, 'examples/hello/src/actor.ts'), actorFile);
    await cp(join(ROOT, 'examples/hello/fixtures'), join(copy, 'fixtures'), { recursive: true });
    const config = JSON.parse(await readFile(join(ROOT, 'examples/hello/actor.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(
      join(copy, 'actor.json'),
      JSON.stringify({ ...config, name: 'hello-inspect', image, fixtures: ['fixtures/ada.txt'] }),
    );
  });
  afterAll(async () => {
    await rm(copy, { recursive: true, force: true });
    await dockerClient()
      .getImage(image)
      .remove({ force: true })
      .catch(() => undefined);
  });

  it('stops at a breakpoint set by TypeScript file and line, with the message readable, and resumes to COMPLETE', async () => {
    const port = await freePort();
    await using dev = new DevProcess(
      [copy, '--once', '--port', '0', '--in-memory', '--no-typecheck', `--inspect-brk=${port}`],
      ROOT,
    );
    const enabled = await dev.next((e) => e.type === 'inspector.enabled', 'the debugger to be announced');
    expect(enabled).toMatchObject({
      language: 'node',
      port,
      wait: true,
      launch: {
        type: 'node',
        request: 'attach',
        port,
        remoteRoot: '/app/dist',
        localRoot: join(copy, 'dist'),
      },
    });
    const target = await dev.next(
      (e) => e.type === 'inspector.target',
      'the actor to wait for a debugger',
      120_000,
    );
    expect(String(target.webSocketUrl)).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${port}/`));
    expect(String(target.devtoolsUrl)).toContain(`127.0.0.1:${port}/`);

    // The TypeScript line of the greeting, and where the bundle has it.
    const source = await readFile(actorFile, 'utf8');
    const tsLine = source.split('\n').findIndex((l) => l.includes('log(`${env.GREETING')) + 1;
    expect(tsLine).toBeGreaterThan(0);
    const mapFile = join(copy, 'dist', 'actor.mjs.map');
    const map = JSON.parse(await readFile(mapFile, 'utf8')) as SourceMapV3;
    const position = generatedPosition(map, 'src/actor.ts', tsLine);
    expect(position, `no mapping of src/actor.ts:${tsLine} in ${mapFile}`).not.toBeNull();

    await using cdp = await CdpSession.connect(String(target.webSocketUrl));
    const parsed = cdp.waitFor(
      'Debugger.scriptParsed',
      (p) => String(p.url) === 'file:///app/dist/actor.mjs',
    );
    await cdp.send('Runtime.enable');
    await cdp.send('Debugger.enable');
    const breakpoint = await cdp.send<{ breakpointId: string }>('Debugger.setBreakpointByUrl', {
      url: 'file:///app/dist/actor.mjs',
      ...position,
    });
    let paused = cdp.waitFor('Debugger.paused');
    await cdp.send('Runtime.runIfWaitingForDebugger');
    let stop = await paused;
    for (
      let i = 0;
      i < 5 && !(stop.hitBreakpoints as string[] | undefined)?.includes(breakpoint.breakpointId);
      i++
    ) {
      paused = cdp.waitFor('Debugger.paused');
      await cdp.send('Debugger.resume'); // the break on start, before the actor's module runs
      stop = await paused;
    }
    expect(stop.hitBreakpoints).toContain(breakpoint.breakpointId);
    // The bundle names its source map by this machine's path, mounted at the same path in the container.
    expect((await parsed).sourceMapURL).toBe(pathToFileURL(mapFile).href);
    const frame = (stop.callFrames as { callFrameId: string; location: { lineNumber: number } }[])[0]!;
    expect(frame.location.lineNumber).toBe(position!.lineNumber);
    const seen = await cdp.send<{ result: { value: string } }>('Debugger.evaluateOnCallFrame', {
      callFrameId: frame.callFrameId,
      expression: 'JSON.stringify({ message, name, greeting: env.GREETING })',
      returnByValue: true,
    });
    expect(JSON.parse(seen.result.value)).toEqual({ message: 'Ada', name: 'Ada', greeting: 'Hello' });
    await cdp.send('Debugger.resume');
    await cdp[Symbol.asyncDispose]();

    const completed = await dev.next(
      (e) => e.type === 'execution.completed',
      'the execution to end',
      120_000,
    );
    expect(completed).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
    expect(
      dev
        .inRound(1, 'execution.log')
        .map((e) => String(e.text))
        .join(''),
    ).toContain('Hello, Ada!');
    const finished = await dev.roundFinished(1);
    expect(finished.ok).toBe(true);
  }, 240_000);
});
