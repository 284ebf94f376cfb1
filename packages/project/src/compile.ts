import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Diagnostic } from './diagnostic.js';
import { ensureVendor, removeVendor, vendoredImports, vendorPlugin } from './vendor.js';

const require = createRequire(import.meta.url);

/**
 * Running from this workspace's TypeScript (tests, tools started with the `@actorkit/source` condition): actors are
 * bundled with the runtime's source as well, so a change to it needs no build. Built (dist/, as published), the
 * runtime is bundled from its own dist: its tarball ships no source.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** Native packages the runtime loads at run time; they sit beside the bundle instead of inside it. */
export const NATIVE_PACKAGES = ['node-unix-socket', 'node-unix-socket-linux-x64-gnu'];

export interface CompileResult {
  ok: boolean;
  ms: number;
  diagnostics: Diagnostic[];
  outFile: string;
}

export interface CompilerOptions {
  dir: string;
  /** The actor's entry, relative to dir. */
  entry: string;
  /** Where the bundle goes: `<outDir>/actor.mjs`. */
  outDir: string;
  /**
   * Also write `<outDir>/actor.mjs.map`, a source map to the actor's TypeScript, named from the bundle by its
   * absolute `file:` URL on this machine (for a debugger: the dev loop mounts outDir at that same path in the
   * container too, so Node and a debugger on the host both find it). Off by default: it costs a third of a rebuild.
   */
  sourceMap?: boolean;
}

function toDiagnostics(dir: string, messages: esbuild.Message[]): Diagnostic[] {
  return messages.map((m) => ({
    file: m.location ? relative(dir, join(dir, m.location.file)) || m.location.file : '(build)',
    line: m.location?.line ?? 0,
    column: (m.location?.column ?? 0) + 1,
    message: m.text,
  }));
}

/**
 * Bundles the actor and its dependencies into `<outDir>/actor.mjs` with esbuild, incrementally. The runtime, the
 * API package and zod are not in it: they are imported from `<outDir>/vendor/`, bundled once and rebuilt only when
 * one of their files changes (see `vendor.ts`), so a rebuild after a save re-links only the actor's own code, in a
 * few milliseconds. The first build takes a few hundred.
 */
export class ActorCompiler implements AsyncDisposable {
  private context: esbuild.BuildContext<{ metafile: true }> | undefined;
  readonly outFile: string;

  constructor(private readonly options: CompilerOptions) {
    this.outFile = join(options.outDir, 'actor.mjs');
  }

  /** Options the actor's bundle and the vendor bundle share. */
  private readonly shared: esbuild.BuildOptions = {
    platform: 'node',
    target: 'node20',
    conditions: FROM_SOURCE ? ['@actorkit/source'] : [],
    external: NATIVE_PACKAGES,
    // No source map: Node reads one only with --enable-source-maps, and it costs a third of each rebuild.
    sourcemap: false,
    banner: {
      js: "import { createRequire as __actorkitRequire } from 'node:module'; const require = __actorkitRequire(import.meta.url);",
    },
  };

  private async ensureContext(): Promise<esbuild.BuildContext<{ metafile: true }>> {
    const map = this.options.sourceMap
      ? {
          sourcemap: 'external' as const,
          footer: { js: `//# sourceMappingURL=${pathToFileURL(`${this.outFile}.map`).href}` },
        }
      : {};
    if (!this.context && !this.options.sourceMap) await rm(`${this.outFile}.map`, { force: true });
    this.context ??= await esbuild.context({
      ...this.shared,
      ...map,
      absWorkingDir: this.options.dir,
      entryPoints: [join(this.options.dir, this.options.entry)],
      outfile: this.outFile,
      bundle: true,
      format: 'esm',
      metafile: true,
      plugins: [vendorPlugin(this.options.dir)],
      logLevel: 'silent',
    });
    return this.context;
  }

  async compile(): Promise<CompileResult> {
    const started = performance.now();
    try {
      const context = await this.ensureContext();
      const result = await context.rebuild();
      const used = vendoredImports(result.metafile);
      const vendor = { dir: this.options.dir, outDir: this.options.outDir, shared: this.shared };
      await Promise.all([
        used.length ? ensureVendor(vendor, used) : removeVendor(this.options.outDir),
        stageNativePackages(this.options.outDir),
      ]);
      return {
        ok: result.errors.length === 0,
        ms: Math.round(performance.now() - started),
        diagnostics: toDiagnostics(this.options.dir, result.errors),
        outFile: this.outFile,
      };
    } catch (error) {
      const failure = error as esbuild.BuildFailure;
      if (!Array.isArray(failure.errors)) throw error;
      return {
        ok: false,
        ms: Math.round(performance.now() - started),
        diagnostics: toDiagnostics(this.options.dir, failure.errors),
        outFile: this.outFile,
      };
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.context?.dispose();
    this.context = undefined;
  }
}

function packageRoot(name: string, from?: string): string {
  const resolver = from ? createRequire(join(from, 'package.json')) : require;
  let dir = dirname(resolver.resolve(name));
  while (!dir.endsWith(join('node_modules', name)) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Copies the runtime's native packages next to the bundle, once: `<outDir>/node_modules/<name>`. */
export async function stageNativePackages(outDir: string): Promise<void> {
  const main = packageRoot(NATIVE_PACKAGES[0]!);
  for (const name of NATIVE_PACKAGES) {
    const target = join(outDir, 'node_modules', name);
    const present = await stat(target).then(
      () => true,
      () => false,
    );
    if (present) continue;
    const source = name === NATIVE_PACKAGES[0] ? main : packageRoot(name, main);
    await mkdir(dirname(target), { recursive: true });
    await cp(source, target, { recursive: true, dereference: true });
  }
}
