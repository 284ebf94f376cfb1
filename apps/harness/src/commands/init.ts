import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CommandError } from '../command-error.js';
import * as t from '../init/templates.js';
import type { Output } from '../output.js';
import { UsageError } from '../usage-error.js';

export const INIT_SUMMARY = 'scaffold a new typed actor, with a test';

export const INIT_HELP = `Usage: actorkit init <dir> [options]

Creates an actor folder: actor.json (named after the folder), src/actor.ts (a typed defineActor actor),
src/actor.test.ts (tests with @actorkit/testing), fixtures/hello.json (what \`actorkit dev\` sends it),
package.json, tsconfig.json, .gitignore and .dockerignore. Inside an ActorKit workspace it shares the workspace's
TypeScript and vitest settings.

Options:
  --name <name>           the actor's name (default: the folder's name)
  --force                 write into a folder that is not empty (files of the same name are replaced)
  -h, --help              show this help

Examples:
  actorkit init examples/greeter
  cd examples/greeter && npx vitest run
  actorkit dev examples/greeter`;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The nearest folder above `dir` that is an ActorKit workspace (shared tsconfig and vitest settings). */
function findWorkspace(dir: string): string | null {
  for (let current = dirname(dir); ; current = dirname(current)) {
    if (['package.json', 'tsconfig.base.json', 'vitest.shared.ts'].every((f) => existsSync(join(current, f))))
      return current;
    if (dirname(current) === current) return null;
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new UsageError((cause as Error).message, 'init');
  }
}

export async function init(argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    out.line(INIT_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('actorkit init takes one folder, e.g. actorkit init examples/greeter', 'init');
  const dir = resolve(positionals[0]!);
  const name = values.name ?? basename(dir);
  if (!NAME.test(name)) {
    throw new UsageError(
      `"${name}" is not a valid actor name (letters, digits, . _ -, starting with a letter or digit); pass --name`,
      'init',
    );
  }
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new CommandError(`${dir} exists and is not a folder; pick another path`);
    if (readdirSync(dir).length > 0 && !values.force) {
      throw new CommandError(
        `${dir} is not empty; pick a new folder, or pass --force to write the actor's files into it`,
      );
    }
  }
  const root = findWorkspace(dir);
  const placement: t.Placement = {
    workspace: root === null ? null : relative(dir, root).split(sep).join('/'),
  };
  const files: Record<string, string | null> = {
    'actor.json': t.actorJson(name),
    'src/actor.ts': t.ACTOR_TS,
    'src/actor.test.ts': t.ACTOR_TEST_TS,
    'fixtures/hello.json': t.FIXTURE_JSON,
    'package.json': t.packageJson(name, placement),
    'tsconfig.json': t.tsconfigJson(placement),
    'vitest.config.ts': t.vitestConfig(placement),
    '.gitignore': t.GITIGNORE,
    '.dockerignore': t.DOCKERIGNORE,
  };
  for (const [file, text] of Object.entries(files)) {
    if (text === null) continue;
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  const fromHere = relative(process.cwd(), dir);
  // Relative while it stays below the working directory; absolute when it would climb out of it.
  const shown = fromHere === '' ? '.' : fromHere.startsWith('..') ? dir : fromHere;
  out.ok(`created the actor "${name}" in ${shown}${root ? ` (in the workspace at ${root})` : ''}`);
  for (const file of Object.keys(files).filter((f) => files[f] !== null)) out.hint(`  ${file}`);
  out.line();
  out.line('Next:');
  if (!root) {
    out.line(`  ${out.code(`cd ${shown} && npm install`)}`);
    out.hint(
      '    (outside an ActorKit workspace the @actorkit packages come from your registry, or `npm link`)',
    );
  }
  out.line(`  ${out.code(`cd ${shown} && npx vitest run`)}   run its tests`);
  out.line(`  ${out.code(`actorkit dev ${shown}`)}   build, register and run it on every save`);
  out.line(
    `  ${out.code(`actorkit deploy ${shown} --api-server <url> --token <token> --registry <registry>`)}   ship it`,
  );
  return 0;
}
