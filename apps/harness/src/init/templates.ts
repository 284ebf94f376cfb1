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

export const FIXTURE_JSON = json({ name: 'Ada' });

export function packageJson(name: string, placement: Placement): string {
  return json({
    name: name.toLowerCase(),
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: { test: 'vitest run', typecheck: 'tsc -p tsconfig.json --noEmit' },
    dependencies: { '@actorkit/runtime': '0.1.0', zod: '^4.1.0' },
    devDependencies: {
      '@actorkit/testing': '0.1.0',
      vitest: '^4.1.12',
      ...(placement.workspace === null ? { typescript: '~5.9.3', '@types/node': '^20.19.0' } : {}),
    },
  });
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

/** Inside a workspace, tests resolve the workspace packages to their TypeScript source, as the examples do. */
export function vitestConfig(placement: Placement): string | null {
  if (placement.workspace === null) return null;
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
