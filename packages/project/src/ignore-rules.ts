import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ignore, Options } from 'ignore';

const require = createRequire(import.meta.url);
const createIgnore = require('ignore') as (options?: Options) => Ignore;

export type { Ignore };

/** Gitignore-style rules (the syntax of `.dockerignore`), plus the folder's own `.dockerignore` when it has one. */
export async function ignoreRules(dir: string, base: string[]): Promise<Ignore> {
  const rules = createIgnore().add(base);
  try {
    rules.add(await readFile(join(dir, '.dockerignore'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return rules;
}
