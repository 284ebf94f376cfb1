/**
 * The package boundaries around Docker: @actorkit/docker is the only package that talks to the engine through
 * dockerode, and the image builder (@actorkit/project) does not need the emulator.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP = new Set(['node_modules', 'dist', '.actorkit', '.nx', 'coverage']);

/** Every source file under `dir`, skipping dependencies and build output. */
function sources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sources(path));
    else if (SOURCE.test(entry)) files.push(path);
  }
  return files;
}

/** The workspace's package folders: packages/*, apps/*, examples/* and tools. */
function workspaces(): string[] {
  const dirs = ['packages', 'apps', 'examples'].flatMap((group) =>
    readdirSync(join(ROOT, group))
      .map((name) => join(ROOT, group, name))
      .filter((dir) => statSync(dir).isDirectory()),
  );
  return [...dirs, join(ROOT, 'tools')];
}

/** `import ... from 'x'`, `export ... from 'x'`, `import('x')`, `require('x')`, `import 'x'` of a module. */
function importsOf(text: string, module: string): boolean {
  const m = module.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
  return new RegExp(
    `(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*|^\\s*import\\s+)['"]${m}(?:/[^'"]*)?['"]`,
    'm',
  ).test(text);
}

function dependenciesOf(dir: string): Record<string, Record<string, string>> {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const fields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
  return Object.fromEntries(fields.map((f) => [f, (pkg[f] as Record<string, string> | undefined) ?? {}]));
}

const DOCKER_PACKAGE = join(ROOT, 'packages', 'docker');

describe('dockerode is used by @actorkit/docker only', () => {
  it('no other package imports dockerode', () => {
    const offenders = workspaces()
      .filter((dir) => dir !== DOCKER_PACKAGE)
      .flatMap(sources)
      .filter((file) => importsOf(readFileSync(file, 'utf8'), 'dockerode'))
      .map((file) => relative(ROOT, file));
    expect(offenders, 'import the Docker adapters from @actorkit/docker instead').toEqual([]);
  });

  it('no other package declares dockerode (or its types) as a dependency', () => {
    const offenders = workspaces()
      .filter((dir) => dir !== DOCKER_PACKAGE)
      .flatMap((dir) =>
        Object.entries(dependenciesOf(dir)).flatMap(([field, deps]) =>
          Object.keys(deps)
            .filter((name) => name === 'dockerode' || name === '@types/dockerode')
            .map((name) => `${relative(ROOT, dir)}: ${field}.${name}`),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('the check sees an import when there is one', () => {
    expect(importsOf("import Docker from 'dockerode';", 'dockerode')).toBe(true);
    expect(importsOf("import type Docker from 'dockerode';", 'dockerode')).toBe(true);
    expect(importsOf("const D = require('dockerode');", 'dockerode')).toBe(true);
    expect(importsOf("await import('dockerode/lib/docker.js')", 'dockerode')).toBe(true);
    expect(importsOf("import { pingEngine } from '@actorkit/docker';", 'dockerode')).toBe(false);
    expect(importsOf('// dockerode is loaded lazily', 'dockerode')).toBe(false);
  });
});

describe('the image builder does not depend on the emulator', () => {
  const project = join(ROOT, 'packages', 'project');

  it('@actorkit/project neither declares nor imports @actorkit/emulator', () => {
    const deps = dependenciesOf(project);
    expect(deps['dependencies']).not.toHaveProperty('@actorkit/emulator');
    expect(deps['peerDependencies']).not.toHaveProperty('@actorkit/emulator');
    const importers = sources(join(project, 'src'))
      .filter((file) => importsOf(readFileSync(file, 'utf8'), '@actorkit/emulator'))
      .map((file) => relative(ROOT, file));
    expect(importers).toEqual([]);
  });
});
