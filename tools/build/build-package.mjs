#!/usr/bin/env node
/**
 * Builds the workspace package in the current directory into dist/: `node ../../tools/build/build-package.mjs`, the
 * `build` script of every published package (Nx runs it, dependencies first, cached).
 *
 * - JavaScript: esbuild, one ES module per entry of the package's `exports` map (its `@actorkit/source` file to its
 *   `default` file), the package's own files bundled in and every package it imports left as an import
 *   (`packages: 'external'`), dynamic imports split into chunks so they still load lazily, with source maps that
 *   carry their sources. One file per entry instead of one per source file matters for start-up: Node's ES module
 *   loader pays per file, and `actorkit up` loaded some 300 of them.
 * - Types: tsc with the package's tsconfig.build.json, declarations only, against the dependencies' built types.
 *
 * A package may inline some of its dependencies (`"actorkitBuild": { "inline": [...] }` in its package.json): the
 * CLI does, so `actorkit up` loads a few large modules instead of some 400 small ones. Those packages, and whatever
 * they import that the package does not itself declare as a dependency, are bundled; every declared dependency
 * that is not inlined stays an import (native modules, packages with files of their own, the Docker client).
 * Either way the build fails when the output imports a package the package.json does not declare.
 *
 * Plain JavaScript, run by node: it runs in `npm ci`'s prepare step, before anything is built.
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';

const dir = process.cwd();
const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
const require = createRequire(import.meta.url);

/** `exports` entries with a source and a default file: dist name -> source file. */
function entries() {
  const out = {};
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== 'object' || target === null) continue;
    const source = target['@actorkit/source'];
    const built = target.default;
    if (!source || !built) continue;
    const name = built.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
    if (name === built)
      throw new Error(`${pkg.name}: exports["${key}"].default must be ./dist/<name>.js, got ${built}`);
    out[name] = join(dir, source);
  }
  if (Object.keys(out).length === 0)
    throw new Error(`${pkg.name}: no exports entry with a source and a default`);
  return out;
}

function declarations() {
  const tsc = require.resolve('typescript/bin/tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
      cwd: dir,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited ${code}`))));
  });
}

/** The package name of a bare specifier: `@scope/name/x` -> `@scope/name`, `name/x` -> `name`. */
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const declared = new Set([
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
]);
const inline = new Set(pkg.actorkitBuild?.inline ?? []);
const builtins = new Set(builtinModules);
const isBuiltin = (spec) => spec.startsWith('node:') || builtins.has(packageOf(spec));

const RESOLVING = Symbol('resolving');

/** The folder and version of the installed package a resolved file belongs to. */
async function packageRootOf(file, name) {
  const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return null;
  const root = file.slice(0, at + marker.length - 1);
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  return { root, version };
}

/**
 * Declared dependencies stay imports unless inlined; anything else they import is bundled, one copy per name and
 * version (npm may install the same version of a package in several folders; bundled once, it loads once).
 */
const inlinePlugin = {
  name: 'actorkit-inline',
  setup(build) {
    const firstRoot = new Map();
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === RESOLVING) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const name = packageOf(args.path);
      if (declared.has(name) && !inline.has(name)) return { path: args.path, external: true };
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: RESOLVING,
      });
      if (resolved.errors.length || resolved.external || !resolved.path) return resolved;
      const found = await packageRootOf(resolved.path, name);
      if (!found) return resolved;
      const key = `${name}@${found.version}`;
      const root = firstRoot.get(key) ?? found.root;
      firstRoot.set(key, root);
      return { ...resolved, path: join(root, relative(found.root, resolved.path)) };
    });
  },
};

const started = performance.now();
await rm(join(dir, 'dist'), { recursive: true, force: true });
const [result] = await Promise.all([
  esbuild.build({
    entryPoints: entries(),
    outdir: join(dir, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    ...(inline.size
      ? {
          plugins: [inlinePlugin],
          // a fifth less to parse at each start; names are kept, so stack traces stay readable (maps beside)
          minifyWhitespace: true,
          minifySyntax: true,
          // bundled CommonJS calls require(): give the ES module one
          banner: {
            js: "import { createRequire as __actorkitCreateRequire } from 'node:module'; const require = __actorkitCreateRequire(import.meta.url);",
          },
        }
      : { packages: 'external' }),
    sourcemap: 'linked',
    // the package's own sources ride in its maps; a bundle that inlines dependencies maps to their paths only
    sourcesContent: inline.size === 0,
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  }),
  declarations(),
]);
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
const undeclared = new Set();
for (const output of outputs)
  for (const i of result.metafile.outputs[output].imports)
    if (i.external && !isBuiltin(i.path) && !declared.has(packageOf(i.path)))
      undeclared.add(packageOf(i.path));
if (undeclared.size) {
  process.stderr.write(
    `${pkg.name}: dist imports ${[...undeclared].join(', ')}, which package.json does not declare: add ` +
      `${undeclared.size === 1 ? 'it' : 'them'} to dependencies (or peerDependencies), or users' installs break\n`,
  );
  process.exit(1);
}
const bytes = outputs.reduce((n, f) => n + result.metafile.outputs[f].bytes, 0);
process.stdout.write(
  `${pkg.name}: ${outputs.length} module(s), ${Math.round(bytes / 1024)} KiB, and declarations in ` +
    `${relative(process.cwd(), join(dir, 'dist')) || 'dist'} (${Math.round(performance.now() - started)} ms)\n`,
);
