/** Where the new actor sits: inside an ActorKit workspace (shared tsconfig and vitest settings), or on its own. */
export interface Placement {
  /** Relative path from the actor folder to the workspace root, or null outside one. */
  workspace: string | null;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function actorJson(name: string): string {
  return json({
    name,
    description: `${name}: greets whoever the message names.`,
    stateless: true,
    defaultEnvironment: { GREETING: 'Hello' },
    fixtures: ['fixtures/hello.json'],
  });
}

export const ACTOR_TS = `/**
 * A typed actor. Its message is JSON: {"name": "Ada"}; it logs a greeting and sends it back as a result.
 *
 *   actorkit send <this actor> --json '{"name": "Ada"}' --wait
 */
import { z } from 'zod';
import { defineActor } from '@actorkit/runtime';

export const Message = z.object({
  name: z.string().min(1),
  greeting: z.string().optional(),
});

export default defineActor({
  message: Message,
  handler: ({ message, env, log }) => {
    const greeting = \`\${message.greeting ?? env.GREETING ?? 'Hello'}, \${message.name}!\`;
    log(greeting);
    return { result: { greeting } };
  },
});
`;

export const ACTOR_TEST_TS = `import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { invoke } from '@actorkit/testing';
import actor from './actor.js';

describe('the actor', () => {
  it('greets the name in the message, and sends the greeting as a result', async () => {
    const run = await invoke(actor, { message: { name: 'Ada' } });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Hello, Ada!');
    expect(run.resultsJson()).toEqual([{ greeting: 'Hello, Ada!' }]);
  });

  it('takes the greeting from the environment (defaultEnvironment or --env)', async () => {
    const run = await invoke(actor, { message: { name: 'Ada' }, env: { GREETING: 'Bonjour' } });
    expect(run.resultsJson()).toEqual([{ greeting: 'Bonjour, Ada!' }]);
  });

  it('refuses a message without a name, with exit code 2', async () => {
    const run = await invoke(actor, { message: { nom: 'Ada' } });
    expect(run.exitCode).toBe(2);
    expect(run.results).toEqual([]);
  });

  it('answers the fixture the dev loop sends', async () => {
    const fixture = JSON.parse(await readFile(new URL('../fixtures/hello.json', import.meta.url), 'utf8'));
    const run = await invoke(actor, { message: fixture, env: { GREETING: 'Hello' } });
    expect(run.exitCode).toBe(0);
    expect(run.resultsJson()).toEqual([{ greeting: 'Hello, Ada!' }]);
  });
});
`;

/**
 * The same actor in a real container, through an emulator this file starts: the container tier of
 * @actorkit/testing. It needs a Docker engine; without one the tests are skipped, saying why (in CI, CI=true, they
 * fail instead).
 */
export const ACTOR_CONTAINER_TEST_TS = `import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkEngine,
  containerActor,
  startEmulator,
  type ContainerTier,
  type TestEmulator,
} from '@actorkit/testing/containers';

const engine = await checkEngine();

describe.skipIf(engine.skip)(engine.title('the actor, in a container'), () => {
  let emulator: TestEmulator;
  let tier: ContainerTier;
  beforeAll(async () => {
    engine.require();
    emulator = await startEmulator();
    // the folder with actor.json: its image is built (or reused) from it
    tier = await containerActor(fileURLToPath(new URL('..', import.meta.url)), { emulator });
  });
  afterAll(async () => {
    await tier?.dispose();
    await emulator?.dispose();
  });

  it('greets the name in the message with the greeting of actor.json, as a result', async () => {
    const run = await tier.invoke({ message: { name: 'Ada' } });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Hello, Ada!');
    expect(run.resultsJson()).toEqual([{ greeting: 'Hello, Ada!' }]);
  });

  it('refuses a message without a name, with exit code 2', async () => {
    const run = await tier.invoke({ message: { nom: 'Ada' } });
    expect(run.exitCode).toBe(2);
    expect(run.results).toEqual([]);
  });
});
`;

export const FIXTURE_JSON = json({ name: 'Ada' });

/** The npm packages a new actor project uses, with the versions written into its package.json. */
export interface PackageVersions {
  /** The version of the @actorkit packages: this CLI's own (they are released together). */
  actorkit: string;
}

/**
 * The install scripts an actor project using the CLI needs (npm 11 asks a project to allow them): the native SQLite
 * binding, esbuild's and koffi's binary checks. dockerode's optional SSH and gRPC helpers are left unbuilt.
 */
export const ALLOW_SCRIPTS: Readonly<Record<string, boolean>> = {
  'better-sqlite3': true,
  esbuild: true,
  koffi: true,
  'cpu-features': false,
  ssh2: false,
  protobufjs: false,
};

type Json = Record<string, unknown>;
type Deps = Record<string, string>;

function wanted(
  placement: Placement,
  versions: PackageVersions,
): { dependencies: Deps; devDependencies: Deps } {
  if (placement.workspace !== null) {
    // inside the workspace: its own packages, linked by npm workspaces
    return {
      dependencies: { '@actorkit/runtime': versions.actorkit, zod: '^4.1.0' },
      devDependencies: { '@actorkit/testing': versions.actorkit, vitest: '^4.1.12' },
    };
  }
  const range = `^${versions.actorkit}`;
  return {
    dependencies: { '@actorkit/runtime': range, zod: '^4.1.0' },
    devDependencies: {
      actorkit: range,
      '@actorkit/testing': range,
      vitest: '^4.1.12',
      typescript: '~5.9.3',
      '@types/node': '^20.19.0',
    },
  };
}

/**
 * The actor's package.json: a new one, or the folder's own with what the actor needs added. Nothing already there
 * is changed: a dependency installed from elsewhere (a tarball, a link) keeps its specifier, and a script of the
 * same name is kept.
 */
export function packageJson(
  name: string,
  placement: Placement,
  versions: PackageVersions,
  existing: Json | null = null,
): string {
  const want = wanted(placement, versions);
  const pkg: Json = existing
    ? { ...existing }
    : { name: name.toLowerCase(), version: '0.1.0', private: true, type: 'module' };
  // an ES module project: `npm init` writes "commonjs" (npm 11), and the folder holds nothing else yet
  pkg['type'] = 'module';
  const scripts = { ...((pkg['scripts'] as Deps | undefined) ?? {}) };
  // npm init's placeholder test script ("Error: no test specified") counts as none
  if (!scripts['test'] || /no test specified/.test(scripts['test'])) scripts['test'] = 'vitest run';
  scripts['typecheck'] ??= 'tsc -p tsconfig.json --noEmit';
  pkg['scripts'] = scripts;
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const current = { ...((pkg[field] as Deps | undefined) ?? {}) };
    const elsewhere =
      (pkg[field === 'dependencies' ? 'devDependencies' : 'dependencies'] as Deps | undefined) ?? {};
    for (const [dep, range] of Object.entries(want[field]))
      if (!current[dep] && !elsewhere[dep]) current[dep] = range;
    pkg[field] = Object.fromEntries(Object.entries(current).sort(([a], [b]) => a.localeCompare(b)));
  }
  if (placement.workspace === null) {
    pkg['allowScripts'] = { ...ALLOW_SCRIPTS, ...((pkg['allowScripts'] as Json | undefined) ?? {}) };
  }
  return json(pkg);
}

export function tsconfigJson(placement: Placement): string {
  if (placement.workspace !== null) {
    return json({
      extends: `${placement.workspace}/tsconfig.base.json`,
      compilerOptions: { noEmit: true },
      include: ['src', '*.ts'],
    });
  }
  return json({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
    include: ['src', '*.ts'],
  });
}

/**
 * Inside a workspace, tests resolve the workspace packages to their TypeScript source, as the examples do. On its
 * own, the actor's tests run with the installed packages; the container tier builds an image before its first test,
 * hence the longer hook timeout.
 */
export function vitestConfig(placement: Placement): string {
  if (placement.workspace === null) {
    return [
      "import { defineConfig } from 'vitest/config';",
      '',
      'export default defineConfig({',
      "  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 },",
      '});',
      '',
    ].join('\n');
  }
  return [
    "import { defineConfig } from 'vitest/config';",
    `import { workspaceTestConfig } from '${placement.workspace}/vitest.shared.js';`,
    '',
    'export default defineConfig(workspaceTestConfig());',
    '',
  ].join('\n');
}

export const GITIGNORE = 'node_modules/\ndist/\n.actorkit/\n';
/**
 * Not sent to Docker. Anchored with a leading slash: dist/node_modules (the runtime's native socket package, staged
 * by the build) must reach the image.
 */
export const DOCKERIGNORE = '/node_modules/\n/.git/\n/coverage/\n*.log\n';
