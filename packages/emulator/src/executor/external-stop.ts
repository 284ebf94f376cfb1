import { constants } from 'node:os';

/** Docker's and the shell's convention: a process killed by signal n exits 128 + n. */
function signalOf(exitCode: number | null): string | null {
  if (exitCode === null || exitCode <= 128) return null;
  const number = exitCode - 128;
  return Object.entries(constants.signals).find(([, n]) => n === number)?.[0] ?? null;
}

/**
 * What the record says about a run that ended without the emulator stopping it, but not by itself: killed by a
 * signal nobody here sent (the Docker engine shutting down, `docker stop` / `docker kill`, the system), or for
 * running out of memory. Null for an ordinary exit, whatever its code.
 */
export function externalStopNote(
  what: 'container' | 'process',
  exitCode: number | null,
  options: { signal?: string | null; oomKilled?: boolean } = {},
): string | null {
  if (options.oomKilled) {
    return `the ${what} ran out of memory and was killed (exit ${exitCode}): raise the actor's memLimit, or use less memory`;
  }
  const signal = options.signal === undefined ? signalOf(exitCode) : options.signal;
  if (!signal) return null;
  const causes =
    what === 'container'
      ? 'the Docker engine stopping or restarting, `docker stop` or `docker kill`'
      : '`kill`, or the system';
  return `the ${what} was killed by ${signal} (exit ${exitCode}) from outside the emulator (${causes}); send the message again to run it again`;
}
