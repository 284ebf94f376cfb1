import { realpathSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file of the code that called `fn`, from V8's raw call sites (not a source-mapped stack text, so a bundle is
 * seen as the bundle). Undefined when it cannot be told.
 */
export function callerFile(fn: (...args: never[]) => unknown): string | undefined {
  const original = Error.prepareStackTrace;
  const holder: { stack?: unknown } = {};
  try {
    Error.prepareStackTrace = (_error, sites) => sites;
    Error.captureStackTrace(holder, fn);
    const sites = holder.stack as NodeJS.CallSite[] | undefined;
    return sites?.[0]?.getFileName() ?? undefined;
  } finally {
    Error.prepareStackTrace = original;
  }
}

/**
 * True when `file` is the script node was started with (`node dist/actor.mjs`, `tsx src/actor.ts`): the module that
 * defines the actor is the program, as Python's `if __name__ == '__main__'`. Importing it (a test) is not.
 */
export function isProcessEntry(
  file: string | undefined,
  entry: string | undefined = process.argv[1],
): boolean {
  if (!file || !entry) return false;
  const defined = canonical(file.startsWith('file:') ? fileURLToPath(file) : file);
  const started = canonical(resolve(entry));
  return (
    defined === started || (extname(started) === '' && defined.slice(0, -extname(defined).length) === started)
  );
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // a path that does not exist is compared as written
    return path;
  }
}
