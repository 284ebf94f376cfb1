import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildEmulator, type ChildEmulatorOptions } from './emulator-process.js';
import { RawApi } from './raw-api.js';

export interface Session {
  emu: ChildEmulator;
  api: RawApi;
  dataDir: string;
}

/**
 * Runs `fn` against a fresh emulator process whose store is on disk in a new temp directory (as `actorkit up`
 * keeps it); stops the emulator and removes the directory afterwards, whatever happens.
 */
export async function withEmulator<T>(
  options: Omit<ChildEmulatorOptions, 'dataDir'>,
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'actorkit-bench-'));
  let emu: ChildEmulator | undefined;
  try {
    emu = await ChildEmulator.start({ ...options, dataDir });
    return await fn({ emu, api: new RawApi(emu.url, emu.token), dataDir });
  } finally {
    await emu?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Parses the JSON line the trivial actor prints with PRINT_ENV=1: the environment the execution was given. */
export function envFromLogs(logs: string): Record<string, string> {
  const line = logs.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no environment line in the logs: ${logs.slice(0, 200)}`);
  const env = JSON.parse(line) as Record<string, string>;
  delete env.PRINT_ENV;
  return env;
}
