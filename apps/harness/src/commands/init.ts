import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CommandError } from '../command-error.js';
import { packageVersion } from '../package-version.js';
import * as py from '../init/python.js';
import { foreignEntries, readPackageJson } from '../init/project-files.js';
import * as t from '../init/templates.js';
import type { Output } from '../output.js';
import { UsageError } from '../usage-error.js';

export const INIT_HELP = `Usage: actorkit init [dir] [options]

Makes an actor of a folder (default: the current one): actor.json (named after the folder), src/actor.ts (a typed
defineActor actor), src/actor.test.ts (tests in process) and src/actor.container.test.ts (the same actor in a
container, through an emulator), fixtures/hello.json (what \`actorkit dev\` sends it), tsconfig.json,
vitest.config.ts, .gitignore and .dockerignore. A package.json already there (from \`npm init\` or
\`npm i -D actorkit\`) is kept, with what the actor needs added: the test script, and the packages it does not list
yet (then run \`npm install\`). Inside an ActorKit workspace it shares the workspace's TypeScript and vitest settings.

With --lang python: actor.json (with the dev mount of src/), a Dockerfile FROM ${py.PYTHON_BASE}, src/actor.py,
src/actors.py (helpers named as agavepy's: get_context, update_state, send_bytes_result, get_binary_message,
get_client), tests/test_actor.py (python3 -m unittest), fixtures, .gitignore and .dockerignore.

Options:
  --name <name>           the actor's name (default: the folder's name)
  --lang <language>       typescript (default) or python
  --force                 write into a folder that is not empty (files of the same name are replaced)
  -h, --help              show this help

Examples:
  actorkit init                                 an actor in the current folder (an npm project, or empty)
  actorkit init examples/greeter
  cd examples/greeter && npx vitest run
  actorkit dev examples/greeter
  actorkit init my-py-actor --lang python && actorkit dev my-py-actor`;

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
        lang: { type: 'string' },
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
  if (positionals.length > 1)
    throw new UsageError('actorkit init takes one folder, e.g. actorkit init examples/greeter', 'init');
  const lang = { typescript: 'typescript', ts: 'typescript', python: 'python', py: 'python' }[
    (values.lang ?? 'typescript').toLowerCase()
  ];
  if (!lang) throw new UsageError(`--lang takes typescript or python, got "${values.lang}"`, 'init');
  const dir = resolve(positionals[0] ?? '.');
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
    // an npm project (package.json, node_modules, a lockfile) and .git may be there already
    const foreign = lang === 'python' ? readdirSync(dir) : foreignEntries(dir);
    if (foreign.length > 0 && !values.force) {
      throw new CommandError(
        `${dir} is not empty; pick a new folder, or pass --force to write the actor's files into it (it holds ` +
          `${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''})`,
      );
    }
  }
  const root = findWorkspace(dir);
  const placement: t.Placement = {
    workspace: root === null ? null : relative(dir, root).split(sep).join('/'),
  };
  const files: Record<string, string | Uint8Array | null> =
    lang === 'python'
      ? {
          'actor.json': py.actorJson(name),
          Dockerfile: py.DOCKERFILE,
          'src/actor.py': py.ACTOR_PY,
          'src/actors.py': py.ACTORS_PY,
          'tests/test_actor.py': py.TEST_ACTOR_PY,
          'fixtures/hello.json': py.FIXTURE_JSON,
          'fixtures/grace.txt': py.FIXTURE_TEXT,
          'fixtures/bytes.bin': py.FIXTURE_BYTES,
          '.gitignore': py.GITIGNORE,
          '.dockerignore': py.DOCKERIGNORE,
        }
      : {
          'actor.json': t.actorJson(name),
          'src/actor.ts': t.ACTOR_TS,
          'src/actor.test.ts': t.ACTOR_TEST_TS,
          'src/actor.container.test.ts': t.ACTOR_CONTAINER_TEST_TS,
          'fixtures/hello.json': t.FIXTURE_JSON,
          'package.json': t.packageJson(
            name,
            placement,
            { actorkit: await packageVersion() },
            existsSync(dir) ? await readPackageJson(dir) : null,
          ),
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
  if (lang === 'python') {
    out.line(`  ${out.code(`cd ${shown} && python3 -m unittest discover -s tests`)}   run its tests`);
    out.line(
      `  ${out.code(`actorkit dev ${shown}`)}   build, register and run it; a save of src/ needs no rebuild`,
    );
    out.hint(
      `    (its Dockerfile builds FROM ${py.PYTHON_BASE}: in the ActorKit repository, npm run base-image -- --python)`,
    );
    return 0;
  }
  const cd = shown === '.' ? '' : `cd ${shown} && `;
  if (!root) {
    out.line(`  ${out.code(`${cd}npm install`)}   install what package.json now lists`);
    out.hint(
      '    (package.json allows the install scripts of better-sqlite3, esbuild and koffi, which the emulator needs)',
    );
  }
  out.line(
    `  ${out.code(`${cd}npm test`)}   run its tests: in process, and in a container when Docker answers`,
  );
  out.line(`  ${out.code(`actorkit dev ${shown}`)}   build, register and run it on every save`);
  out.line(
    `  ${out.code(`actorkit deploy ${shown} --api-server <url> --token <token> --registry <registry>`)}   ship it`,
  );
  return 0;
}
