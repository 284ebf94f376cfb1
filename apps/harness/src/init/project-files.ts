import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What may already be in a folder `actorkit init` writes into without --force: the npm project a user starts with
 * (`npm init`, `npm i -D actorkit ...`) and version control. Anything else makes the folder "not empty".
 */
const PROJECT_ENTRIES = new Set([
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'node_modules',
  '.npmrc',
  '.git',
]);

/** The entries of `dir` that `init` would not write beside without --force. */
export function foreignEntries(dir: string): string[] {
  return readdirSync(dir).filter((entry) => !PROJECT_ENTRIES.has(entry));
}

/** The folder's package.json, or null when it has none. A package.json that is not JSON is an error. */
export async function readPackageJson(dir: string): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'package.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${join(dir, 'package.json')} is not a JSON object`);
  return parsed as Record<string, unknown>;
}
