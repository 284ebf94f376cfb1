import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOf, dashboardFile, type DashboardBundle } from './files.js';

/** The built page is missing: a package installed without its `dist/ui`. */
export class DashboardMissingError extends Error {
  override readonly name = 'DashboardMissingError';
}

/** Running from the workspace's TypeScript (the `@actorkit/source` condition) rather than the package's dist. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

async function readBuilt(dir: string): Promise<DashboardBundle> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (cause) {
    throw new DashboardMissingError(
      `the dashboard's files are not in ${dir}; reinstall @actorkit/dashboard (or build it: npm run build -w @actorkit/dashboard)`,
      { cause },
    );
  }
  const files = await Promise.all(
    names.filter((n) => !n.startsWith('.')).map(async (n) => dashboardFile(n, await readFile(join(dir, n)))),
  );
  return bundleOf(files, 'dist');
}

/**
 * The builder, named so no bundler follows it: a bundle of the emulator must not load esbuild at start for this.
 * Only loaded from the workspace's sources, so it is the `.ts` file.
 */
const BUILDER = new URL('./build-ui.ts', import.meta.url).href;

async function buildFromSource(): Promise<DashboardBundle> {
  // Only reached in the workspace, where esbuild is installed: the published package serves dist/ui.
  const { buildUi } = (await import(BUILDER)) as typeof import('./build-ui.js');
  return bundleOf((await buildUi()).files, 'source');
}

let loading: Promise<DashboardBundle> | null = null;

/**
 * The page's files, read once and kept in memory (about 100 kB gzipped). From the package's `dist/ui`; in the
 * workspace, built from source with esbuild on first use, so the page never lags behind its code. A failure is
 * not kept: the next call tries again.
 */
export function loadDashboard(): Promise<DashboardBundle> {
  loading ??= (
    FROM_SOURCE ? buildFromSource() : readBuilt(fileURLToPath(new URL('./ui/', import.meta.url)))
  ).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
