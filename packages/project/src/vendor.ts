import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * The packages every actor built on the runtime shares, bundled once into `<outDir>/vendor/` (one module per
 * package, with shared chunks, so each package exists once) and imported from there by the actor's bundle. A save
 * then re-links only the actor's own code, and the runtime's start-up imports only what it uses: the schemas and
 * zod load when an execution first calls the API.
 *
 * Only these exact specifiers are vendored; anything else (`zod/mini`, the actor's other dependencies) is bundled
 * into the actor's module as usual.
 */
export const VENDORED_PACKAGES: Readonly<Record<string, string>> = {
  '@actorkit/runtime': 'runtime',
  '@actorkit/api': 'api',
  '@actorkit/api/container': 'api-container',
  zod: 'zod',
};

export const VENDOR_DIR = 'vendor';
/** Bumped when the vendor layout changes, so an older vendor directory is rebuilt. */
const VENDOR_FORMAT = 1;

export interface VendorOptions {
  /** Where the specifiers resolve from (the actor's folder). */
  dir: string;
  outDir: string;
  /** esbuild options the actor's own bundle uses too (platform, target, conditions, externals, banner). */
  shared: esbuild.BuildOptions;
}

/**
 * What a vendor directory was built from, kept in the actor's `.actorkit/` (not in `dist/`, which images ship: it
 * holds this machine's paths).
 */
interface Manifest {
  format: number;
  /** The shared esbuild options, as JSON. */
  options: string;
  /** The vendored specifiers it was built for, sorted. */
  entries: string[];
  /** Input file -> [mtimeMs, size] when the vendor bundle was built. */
  inputs: Record<string, [number, number]>;
  /** The files it wrote; all must still be there. */
  outputs: string[];
}

/** `<dir>/.actorkit/vendor-<hash of outDir>.json`: one per output directory. */
export function vendorManifestPath(dir: string, outDir: string): string {
  const key = createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 12);
  return join(dir, '.actorkit', `vendor-${key}.json`);
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    const complete =
      manifest.format === VENDOR_FORMAT &&
      typeof manifest.options === 'string' &&
      Array.isArray(manifest.entries) &&
      Array.isArray(manifest.outputs) &&
      typeof manifest.inputs === 'object';
    return complete ? manifest : undefined;
  } catch {
    return undefined;
  }
}

async function unchanged(manifest: Manifest): Promise<boolean> {
  const checks = await Promise.all([
    ...Object.entries(manifest.inputs).map(async ([file, [mtime, size]]) => {
      const info = await stat(file).catch(() => undefined);
      return info !== undefined && info.mtimeMs === mtime && info.size === size;
    }),
    ...manifest.outputs.map((file) =>
      stat(file).then(
        () => true,
        () => false,
      ),
    ),
  ]);
  return checks.every(Boolean);
}

const RESOLVING = Symbol('actorkit-vendor-resolving');

/**
 * The esbuild plugin that points the vendored specifiers at `./vendor/<name>.mjs`. An
 * import is vendored only where it resolves to the same file as from the actor's folder: a dependency that brings
 * its own copy (another zod version, say) keeps it, bundled.
 */
export function vendorPlugin(dir: string): esbuild.Plugin {
  const names = Object.keys(VENDORED_PACKAGES).map((n) => n.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&'));
  const filter = new RegExp(`^(${names.join('|')})$`);
  return {
    name: 'actorkit-vendor',
    setup(build) {
      const home = new Map<string, Promise<string>>();
      build.onStart(() => home.clear());
      const resolveFrom = async (spec: string, resolveDir: string, kind: esbuild.ImportKind) =>
        (await build.resolve(spec, { resolveDir, kind, pluginData: RESOLVING })).path;
      build.onResolve({ filter }, async (args) => {
        if (args.pluginData === RESOLVING) return undefined;
        if (!home.has(args.path)) home.set(args.path, resolveFrom(args.path, dir, 'import-statement'));
        const [here, there] = await Promise.all([
          resolveFrom(args.path, args.resolveDir, args.kind),
          home.get(args.path)!,
        ]);
        if (!here || here !== there) return undefined;
        return { path: `./${VENDOR_DIR}/${VENDORED_PACKAGES[args.path]}.mjs`, external: true };
      });
    },
  };
}

/**
 * Makes `<outDir>/vendor/` current for the specifiers the actor uses: rebuilt (from scratch, so no stale chunk
 * stays) when a file of it is missing, it was built by another format, with other options or for other specifiers,
 * or any of its input files changed since; otherwise left alone, which costs a `stat` per file. Answers whether it was rebuilt. Build errors reject
 * with esbuild's failure.
 */
export async function ensureVendor(options: VendorOptions, used: Iterable<string>): Promise<boolean> {
  const entries = [...new Set(used)].sort();
  const vendorDir = join(options.outDir, VENDOR_DIR);
  const manifestFile = vendorManifestPath(options.dir, options.outDir);
  const manifest = await readManifest(manifestFile);
  const sharedOptions = JSON.stringify(options.shared);
  const same =
    manifest !== undefined &&
    manifest.options === sharedOptions &&
    manifest.entries.join('\n') === entries.join('\n') &&
    (await unchanged(manifest));
  if (same) return false;
  await rm(vendorDir, { recursive: true, force: true });
  const result = await esbuild.build({
    ...options.shared,
    absWorkingDir: options.dir,
    entryPoints: Object.fromEntries(entries.map((spec) => [VENDORED_PACKAGES[spec]!, spec])),
    outdir: vendorDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    metafile: true,
    write: true,
    logLevel: 'silent',
  });
  const absolute = (file: string) => (isAbsolute(file) ? file : join(options.dir, file));
  const inputs: Manifest['inputs'] = {};
  await Promise.all(
    Object.keys(result.metafile.inputs).map(async (input) => {
      const file = absolute(input);
      const info = await stat(file).catch(() => undefined);
      if (info) inputs[file] = [info.mtimeMs, info.size];
    }),
  );
  const outputs = Object.keys(result.metafile.outputs).map(absolute);
  await mkdir(join(options.dir, '.actorkit'), { recursive: true });
  await writeFile(
    manifestFile,
    JSON.stringify({
      format: VENDOR_FORMAT,
      options: sharedOptions,
      entries,
      inputs,
      outputs,
    } satisfies Manifest),
  );
  return true;
}

/** The vendored specifiers a bundle imports, from its metafile. */
export function vendoredImports(metafile: esbuild.Metafile): string[] {
  const bySpecifier = new Map(
    Object.entries(VENDORED_PACKAGES).map(([spec, name]) => [`./${VENDOR_DIR}/${name}.mjs`, spec]),
  );
  const used = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const i of output.imports)
      if (i.external && bySpecifier.has(i.path)) used.add(bySpecifier.get(i.path)!);
  return [...used];
}

/** Removes `<outDir>/vendor/` (an actor that no longer imports any vendored package). */
export async function removeVendor(outDir: string): Promise<void> {
  await rm(join(outDir, VENDOR_DIR), { recursive: true, force: true });
}
