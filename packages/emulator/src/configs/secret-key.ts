import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the data directory holding the key secret configs are encrypted with. */
export const CONFIG_KEY_FILE = 'config-secret.key';

/** AES-256: 32 bytes. */
export const CONFIG_KEY_BYTES = 32;

export class ConfigKeyError extends Error {
  override readonly name = 'ConfigKeyError';
}

/** One key for every in-memory store of this process: secrets need not outlive it, and never touch the disk. */
let processKey: Buffer | null = null;

function decodeKey(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64url');
  if (key.length !== CONFIG_KEY_BYTES) {
    throw new ConfigKeyError(
      `${file} does not hold a ${CONFIG_KEY_BYTES}-byte key (base64url); restore the file from a backup, or delete it to start a new key (secret configs stored with the old one can then no longer be read)`,
    );
  }
  return key;
}

/** Reads the saved key, making the file private to its owner if it had been opened up. */
function readKey(file: string): Buffer {
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, 'utf8'), file);
}

/**
 * The key secret configs are encrypted with: for a store on disk, the one saved in `<dataDir>/config-secret.key`
 * (created on first use, mode 0600); for an in-memory store, one kept in this process only. A new key file is
 * written beside the final name and linked into place, so two emulators starting on one directory agree on a key.
 */
export function configSecretKey(dataDir: string | null): Buffer {
  if (dataDir === null) return (processKey ??= randomBytes(CONFIG_KEY_BYTES));
  const file = join(dataDir, CONFIG_KEY_FILE);
  try {
    try {
      return readKey(file);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    }
    mkdirSync(dataDir, { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, `${randomBytes(CONFIG_KEY_BYTES).toString('base64url')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    try {
      linkSync(temp, file);
    } catch (cause) {
      // another emulator created the key first: use that one
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    } finally {
      unlinkSync(temp);
    }
    return readKey(file);
  } catch (cause) {
    if (cause instanceof ConfigKeyError) throw cause;
    throw new ConfigKeyError(
      `could not read or create the config secret key ${file}: ${(cause as Error).message}; check the data directory's permissions`,
      { cause },
    );
  }
}
