/**
 * The two entries of @actorkit/testing: the in-process tier (`@actorkit/testing`) needs the runtime and nothing
 * native; the container tier (`@actorkit/testing/containers`) needs the emulator, the image builder and the Docker
 * adapters, optional peers a project installs with the CLI.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTAINER_TIER_PEERS, missingPeers, missingPeersMessage } from '../src/containers.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

/** What the in-process tier must not load, nor make a project install. */
const CONTAINER_ONLY = [
  '@actorkit/emulator',
  '@actorkit/project',
  '@actorkit/docker',
  'dockerode',
  'esbuild',
  'typescript',
  'better-sqlite3',
  'koffi',
  'node-unix-socket',
  'express',
];

/** The module's imports that load at run time, static or dynamic (not `import type`). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      const bindings = node.importClause?.namedBindings;
      const onlyTypes =
        node.importClause?.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** Every package the entry can load, through the package's own files. */
function packagesOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:'))
        packages.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  };
  walk(entry);
  return packages;
}

const pkg = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

describe('@actorkit/testing, the in-process tier', () => {
  it('loads none of the container tier, Docker or native packages', () => {
    const loaded = [...packagesOf(join(PACKAGE, 'src/index.ts'))];
    expect(loaded.filter((p) => CONTAINER_ONLY.includes(p))).toEqual([]);
    expect(loaded.sort()).toEqual(['@actorkit/api', '@actorkit/runtime']);
  });

  it('makes a project install none of them: they are optional peers', () => {
    expect(Object.keys(pkg.dependencies).filter((d) => CONTAINER_ONLY.includes(d))).toEqual([]);
    for (const peer of CONTAINER_TIER_PEERS) {
      expect(pkg.peerDependencies[peer], peer).toBeDefined();
      expect(pkg.peerDependenciesMeta[peer]?.optional, peer).toBe(true);
    }
  });
});

describe('@actorkit/testing/containers, the container tier', () => {
  it('finds its peers in this workspace', () => {
    expect(missingPeers()).toEqual([]);
  });

  it('says what to install when peers are missing', () => {
    // resolved from a folder where no package is installed
    expect(missingPeers('file:///nonexistent/here.js')).toEqual([...CONTAINER_TIER_PEERS]);
    const message = missingPeersMessage(['@actorkit/emulator']);
    expect(message).toMatch(/needs @actorkit\/emulator, which is not installed/);
    expect(message).toContain('npm i -D actorkit');
    expect(message).toContain("import { invoke } from '@actorkit/testing'");
  });
});
