import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { dockerClient } from '@actorkit/docker';
import { CONTAINER_DIST, type ActorProject } from '@actorkit/project';

import type { InspectOptions } from './inspect-options.js';

export type { InspectOptions };

/** Node's options for the actor: the inspector on loopback only, and stack traces through the source map. */
export function nodeInspectOptions(options: InspectOptions, existing = ''): string {
  const flag = `${options.wait ? '--inspect-brk' : '--inspect'}=127.0.0.1:${options.port}`;
  return [existing.trim(), flag, '--enable-source-maps'].filter(Boolean).join(' ');
}

/**
 * A VS Code launch.json "attach" configuration for a Node actor run by the dev loop. In a container the bundle is
 * at /app/dist (the default Dockerfile); as a local process (the process executor) it runs where it was built.
 */
export function nodeLaunchConfig(
  project: ActorProject,
  options: InspectOptions,
  executor: 'docker' | 'process' = 'docker',
): Record<string, unknown> {
  const local = project.kind === 'typescript' ? join(project.dir, 'dist') : project.dir;
  const remote = project.kind === 'typescript' ? CONTAINER_DIST : (project.devMounts[0]?.target ?? '/app');
  const roots = executor === 'docker' ? { localRoot: local, remoteRoot: remote } : {};
  return {
    name: `actorkit dev: attach to ${project.config.name}`,
    type: 'node',
    request: 'attach',
    address: '127.0.0.1',
    port: options.port,
    ...roots,
    sourceMaps: true,
    // every message runs in a fresh container (or process): attach again to the next one
    restart: true,
    continueOnAttach: true,
    skipFiles: ['<node_internals>/**', `${executor === 'docker' ? remote : local}/vendor/**`],
  };
}

/** A VS Code launch.json configuration attaching to debugpy, mapping each `dev.mount` folder to its image path. */
export function debugpyLaunchConfig(project: ActorProject, options: InspectOptions): Record<string, unknown> {
  return {
    name: `actorkit dev: attach to ${project.config.name}`,
    type: 'debugpy',
    request: 'attach',
    connect: { host: '127.0.0.1', port: options.port },
    pathMappings: project.devMounts.map((m) => ({
      localRoot: join(project.dir, m.folder),
      remoteRoot: m.target,
    })),
    justMyCode: true,
  };
}

/** Whether something on this machine listens on 127.0.0.1:port already (the containers share its network). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/** One target of Node's inspector, as `http://127.0.0.1:<port>/json/list` lists it. */
export interface InspectorTarget {
  id: string;
  title: string;
  url: string;
  devtoolsFrontendUrl?: string;
  webSocketDebuggerUrl: string;
}

/** The inspector's targets on 127.0.0.1:port; empty when nothing listens. */
export function inspectorTargets(port: number, timeoutMs = 500): Promise<InspectorTarget[]> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path: '/json/list', timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (c: string) => (body += c));
      response.on('end', () => {
        try {
          const parsed = JSON.parse(body) as unknown;
          resolve(Array.isArray(parsed) ? (parsed as InspectorTarget[]) : []);
        } catch {
          resolve([]);
        }
      });
      response.on('error', () => resolve([]));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve([]));
  });
}

const PYTHON = /(^|\/)python(\d+(\.\d+)*)?$/;
/** Interpreter options that take the next argument as their value. */
const PYTHON_OPTIONS_WITH_VALUE = new Set(['-W', '-X', '--check-hash-based-pycs']);

/** Splits `[-u, -X, dev, script.py, arg]` into the interpreter's options and the rest (script, -m or -c on). */
function splitPythonOptions(args: string[]): { options: string[]; rest: string[] } {
  const options: string[] = [];
  let i = 0;
  while (i < args.length) {
    const a = args[i]!;
    if (
      !a.startsWith('-') ||
      a === '-' ||
      a === '-m' ||
      a === '-c' ||
      a.startsWith('-m') ||
      a.startsWith('-c')
    )
      break;
    options.push(a);
    if (PYTHON_OPTIONS_WITH_VALUE.has(a) && i + 1 < args.length) options.push(args[++i]!);
    i++;
  }
  return { options, rest: args.slice(i) };
}

export type DebugpyPlan = { ok: true; python: string; command: string[] } | { ok: false; reason: string };

/**
 * How to start the image's own command under debugpy: the command given to each container in place of the image's
 * CMD (it runs after the ENTRYPOINT, as `docker run IMAGE ARGS...` does). Possible when the command, ENTRYPOINT
 * then CMD, starts with a Python interpreter and its options only; a shell script in between cannot be wrapped.
 */
export function debugpyCommand(entrypoint: string[], cmd: string[], options: InspectOptions): DebugpyPlan {
  // frozen standard modules (Python 3.11+) hide from the debugger's breakpoints: it asks for them off
  const listen = ['-Xfrozen_modules=off', '-m', 'debugpy', '--listen', `127.0.0.1:${options.port}`];
  if (options.wait) listen.push('--wait-for-client');
  const shown = JSON.stringify([...entrypoint, ...cmd]);
  if (entrypoint.length === 0) {
    const [python, ...args] = cmd;
    if (!python || !PYTHON.test(python)) {
      return {
        ok: false,
        reason: `the image's command ${shown} does not start with python, so it cannot be started under debugpy; make its CMD ["python3", "<script>"]`,
      };
    }
    const { options: flags, rest } = splitPythonOptions(args);
    if (!rest.length) return { ok: false, reason: `the image's command ${shown} names no script to run` };
    return { ok: true, python, command: [python, ...flags, ...listen, ...rest] };
  }
  const [python, ...args] = entrypoint;
  const { rest } = splitPythonOptions(args);
  if (!PYTHON.test(python!) || rest.length) {
    return {
      ok: false,
      reason: `the image's ENTRYPOINT ${JSON.stringify(entrypoint)} is not python with options only, so its command cannot be started under debugpy`,
    };
  }
  if (!cmd.length) return { ok: false, reason: `the image's command ${shown} names no script to run` };
  return { ok: true, python: python!, command: [...listen, ...cmd] };
}

/** The image's ENTRYPOINT and CMD, and its id. */
export async function imageCommand(
  image: string,
): Promise<{ id: string; entrypoint: string[]; cmd: string[] } | null> {
  try {
    const info = await dockerClient().getImage(image).inspect();
    const list = (v: unknown): string[] =>
      Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
    return { id: info.Id, entrypoint: list(info.Config?.Entrypoint), cmd: list(info.Config?.Cmd) };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

/** Whether `python -c "import debugpy"` succeeds in a throwaway container of the image (no network). */
export async function imageHasDebugpy(image: string, python: string): Promise<boolean> {
  const docker = dockerClient();
  const container = await docker.createContainer({
    Image: image,
    Entrypoint: [python],
    Cmd: ['-c', 'import debugpy'],
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    return StatusCode === 0;
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}
