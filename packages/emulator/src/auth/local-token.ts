import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from '../domain/ids.js';

/** The file in the data directory that keeps the local user's generated token across restarts. */
export const TOKEN_FILE = 'token';

export class LocalTokenError extends Error {
  override readonly name = 'LocalTokenError';
}

/**
 * The local user's bearer token: the one given, else the one saved in the data directory, else a new one (saved,
 * mode 0600, written atomically through a rename). With no data directory (in memory) a new one each time.
 */
export function resolveLocalToken(dataDir: string | null, given: string | undefined): string {
  if (given) return given;
  if (dataDir === null) return newToken();
  const file = join(dataDir, TOKEN_FILE);
  try {
    if (existsSync(file)) {
      const saved = readFileSync(file, 'utf8').trim();
      if (saved) return saved;
    }
    const token = newToken();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(`${file}.tmp`, `${token}\n`, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    return token;
  } catch (cause) {
    throw new LocalTokenError(
      `could not read or save the local token in ${file}: ${(cause as Error).message}; check the data directory's permissions, or pass --token`,
      { cause },
    );
  }
}
