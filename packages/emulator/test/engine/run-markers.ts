import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_SETTINGS } from '../../src/workers/local-settings.js';
import type { EngineKind } from './engine-emulator.js';

export interface RunMarker {
  executionId: string;
  workerId: string;
  msg: string;
}

export interface RunMarkers extends AsyncDisposable {
  dir: string;
  /** The actor's variables that make the fixture append one line per run (FIXTURE_MARK_FILE). */
  env(kind: EngineKind): Record<string, string>;
  /** The lines written so far, in the order the runs wrote them. */
  read(): Promise<RunMarker[]>;
}

/**
 * A host directory the fixture actor appends a marker line to, once per run, first thing: mounted into containers
 * with ACTORKIT_DEV_MOUNTS, named directly for local processes. The lines prove how many times each execution
 * really ran, and in which order.
 */
export async function runMarkers(): Promise<RunMarkers> {
  const dir = await mkdtemp(join(tmpdir(), 'actorkit-marks-'));
  await chmod(dir, 0o777); // a container user other than root may write too
  return {
    dir,
    env: (kind): Record<string, string> =>
      kind === 'docker'
        ? { [LOCAL_SETTINGS.devMounts]: `${dir}:/marks`, FIXTURE_MARK_FILE: '/marks/runs.log' }
        : { FIXTURE_MARK_FILE: join(dir, 'runs.log') },
    read: async () => {
      const text = await readFile(join(dir, 'runs.log'), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [executionId = '', workerId = '', ...msg] = line.split(' ');
          return { executionId, workerId, msg: msg.join(' ') };
        });
    },
    [Symbol.asyncDispose]: () => rm(dir, { recursive: true, force: true }),
  };
}

/** How many times each id appears. */
export function countBy(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
