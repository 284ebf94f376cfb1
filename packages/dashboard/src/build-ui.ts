import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { dashboardFile, UI_BASE_PATH, type DashboardFile } from './files.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const UI_DIR = join(PACKAGE_DIR, 'ui');

/** Browsers the page is written for: what a developer runs this year, with native ES modules and `<dialog>`. */
const TARGETS = ['chrome114', 'firefox115', 'safari16.4', 'edge114'];

/**
 * zod's namespace object re-exports its error messages in every language (`z.locales`), which no bundler can
 * leave out; the page speaks English only. This keeps `en` (what zod configures itself with) and drops the rest:
 * about a third of the page's gzipped weight.
 */
const englishOnlyZod: esbuild.Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: resolve(args.resolveDir, args.path), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from './en.js';\n",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

export interface BuiltUi {
  files: DashboardFile[];
  /** Bytes of what a page load fetches (index, script, style, icon), raw and gzipped. */
  pageBytes: { raw: number; gzip: number };
}

function hashed(name: string, body: Buffer): string {
  const hash = createHash('sha256').update(body).digest('base64url').replace(/[-_]/g, '').slice(0, 10);
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-${hash.toUpperCase()}${name.slice(dot)}`;
}

/** The page: no inline script or style (the Content-Security-Policy forbids both), module script, hashed assets. */
function indexHtml(script: string, style: string, icon: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>ActorKit</title>
    <link rel="icon" type="image/svg+xml" href="${UI_BASE_PATH}${icon}" />
    <link rel="stylesheet" href="${UI_BASE_PATH}${style}" />
    <script type="module" src="${UI_BASE_PATH}${script}"></script>
  </head>
  <body>
    <div id="app"><p class="boot">Loading the ActorKit dashboard…</p></div>
    <noscript>The ActorKit dashboard needs JavaScript. The API itself is under /actors/v2 and /v3/actors.</noscript>
  </body>
</html>
`;
}

/**
 * Bundles the page (Preact, the typed client of @actorkit/api and zod) with esbuild, in memory: hashed file names,
 * minified, with source maps. Workspace packages resolve to their TypeScript source, so nothing else needs a build.
 */
export async function buildUi(): Promise<BuiltUi> {
  const result = await esbuild.build({
    absWorkingDir: PACKAGE_DIR,
    entryPoints: { app: join(UI_DIR, 'main.tsx') },
    bundle: true,
    write: false,
    outdir: join(PACKAGE_DIR, 'dist', 'ui'),
    entryNames: '[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    target: TARGETS,
    minify: true,
    sourcemap: 'linked',
    legalComments: 'eof',
    conditions: ['@actorkit/source'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [englishOnlyZod],
    logLevel: 'silent',
  });
  const files: DashboardFile[] = result.outputFiles.map((f) =>
    dashboardFile(basename(f.path), Buffer.from(f.contents)),
  );
  const script = files.find((f) => f.name.endsWith('.js'));
  const style = files.find((f) => f.name.endsWith('.css'));
  if (!script || !style) throw new Error('the dashboard build produced no script or no style sheet');
  const iconBody = await readFile(join(UI_DIR, 'icon.svg'));
  const icon = dashboardFile(hashed('icon.svg', iconBody), iconBody);
  const index = dashboardFile('index.html', Buffer.from(indexHtml(script.name, style.name, icon.name)));
  const page = [index, script, style, icon];
  return {
    files: [index, icon, ...files],
    pageBytes: {
      raw: page.reduce((n, f) => n + f.body.byteLength, 0),
      gzip: page.reduce((n, f) => n + (f.gzip ?? f.body).byteLength, 0),
    },
  };
}

/** Writes the build to `dir` (default `dist/ui`), replacing what was there. */
export async function writeUi(dir = join(PACKAGE_DIR, 'dist', 'ui')): Promise<BuiltUi> {
  const built = await buildUi();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const file of built.files) await writeFile(join(dir, file.name), file.body);
  return built;
}
