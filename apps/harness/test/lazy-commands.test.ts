import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TOKEN_FILE as EMULATOR_TOKEN_FILE } from '@actorkit/emulator';
import { COMMANDS } from '../src/commands/index.js';
import { TOKEN_FILE } from '../src/token-file.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** What a command's --help must not load: the emulator, Docker, the bundler, the TypeScript compiler. */
const HEAVY = [
  '@actorkit/emulator',
  '@actorkit/docker',
  '@actorkit/project',
  'dockerode',
  'esbuild',
  'typescript',
  'express',
  'better-sqlite3',
  'koffi',
  'chokidar',
];

/** The module's static imports and re-exports that load at run time: not `import type`, not `import()`. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      const bindings = statement.importClause?.namedBindings;
      const allTypes =
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        statement.importClause?.name === undefined &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      if (!allTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/**
 * The packages a module loads before any of its code runs: its static imports, followed through the package's own
 * files. Type-only imports are erased and dynamic imports wait for the code that makes them.
 */
function staticPackages(entry: string): { packages: Set<string>; files: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:'))
        packages.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  };
  visit(entry);
  return { packages, files };
}

/** The module each command is loaded from, read from the command table's `import('./x.js')`. */
function commandModules(): Record<string, string> {
  const table = readFileSync(join(SRC, 'commands/index.ts'), 'utf8');
  const modules: Record<string, string> = {};
  for (const [, name, file] of table.matchAll(/^ {2}([\w-]+): \{\n[^}]*?import\('\.\/([\w-]+)\.js'\)/gm))
    modules[name!] = join(SRC, 'commands', `${file}.ts`);
  return modules;
}

describe('commands load lazily', () => {
  it('`actorkit --help` loads the command table, never a command module', () => {
    const { packages, files } = staticPackages(join(SRC, 'main.ts'));
    expect([...packages]).toEqual([]);
    const commandFiles = Object.values(commandModules());
    expect([...files].filter((f) => commandFiles.includes(f))).toEqual([]);
  });

  it('every command of the table has a module', () => {
    expect(Object.keys(commandModules()).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it.each(Object.entries(commandModules()))(
    '`actorkit %s --help` loads no emulator, Docker client, bundler or TypeScript compiler',
    (_name, file) => {
      const { packages } = staticPackages(file);
      expect([...packages].filter((p) => HEAVY.includes(p))).toEqual([]);
    },
  );

  it("the CLI's name for the token file is the emulator's", () => {
    expect(TOKEN_FILE).toBe(EMULATOR_TOKEN_FILE);
  });
});
