import { readFile } from 'node:fs/promises';

/**
 * This CLI's version, from its package.json. The path is relative to this module, one folder below the package in
 * src/ and in the built dist/ alike (the build keeps every module and chunk directly in dist/). The @actorkit
 * packages are released together, so it is theirs too.
 */
export async function packageVersion(): Promise<string> {
  const text = await readFile(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
