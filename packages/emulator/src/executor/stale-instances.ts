import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import createDebug from 'debug';
import { processStartTicks } from './process-stats.js';
import type { RunDirs } from './run-dirs.js';

const debug = createDebug('actorkit:executor');

/** The file in an execution's run directory naming its process: `<pid> <start ticks>`. */
export const PID_FILE = 'pid';

/** `<pid> <start ticks>`, or '' when the execution never got as far as writing it. */
async function readPidFile(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') debug('reading %s: %O', path, error);
    return '';
  }
}

/**
 * Cleans up after instances whose owner is gone: kills the process groups their pid files name, when the pid still
 * names the same process (same start time, so a reused pid is left alone), then removes their run directories.
 * Answers how many process groups were killed.
 */
export async function reapStaleInstances(runDirs: RunDirs): Promise<number> {
  let killed = 0;
  for (const dir of await runDirs.staleInstanceDirs()) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const [pidText, ticks] = (await readPidFile(join(dir, entry.name, PID_FILE))).split(' ');
      const pid = Number(pidText);
      if (!Number.isInteger(pid) || pid <= 1 || !ticks || (await processStartTicks(pid)) !== ticks) continue;
      debug('killing leftover process group %d (%s)', pid, join(dir, entry.name));
      try {
        process.kill(-pid, 'SIGKILL');
        killed += 1;
      } catch (error) {
        debug('killing %d failed: %O', pid, error);
      }
    }
    debug('removing stale run directory %s', dir);
    await rm(dir, { recursive: true, force: true });
  }
  return killed;
}
