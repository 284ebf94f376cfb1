import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ignoreRules, loadActorProject } from '@actorkit/project';
import { cli, ROOT, type RunResult } from './cli-fixture.js';

/** Scaffolds go inside the workspace (so its packages resolve) under the ignored .actorkit folder. */
const SCRATCH = join(ROOT, '.actorkit', 'cli-tests', `init-${process.pid}`);
const outside: string[] = [];
afterAll(async () => {
  await rm(SCRATCH, { recursive: true, force: true });
  for (const d of outside) await rm(d, { recursive: true, force: true });
});

function run(command: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('actorkit init', () => {
  const dir = join(SCRATCH, 'greeter');

  it('scaffolds a typed actor named after its folder, whose own tests pass and which type-checks', async () => {
    const r = await cli(['init', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created the actor "greeter" in .* \(in the workspace at/);
    for (const file of [
      'actor.json',
      'src/actor.ts',
      'src/actor.test.ts',
      'src/actor.container.test.ts',
      'fixtures/hello.json',
      'package.json',
      'tsconfig.json',
      'vitest.config.ts',
      '.gitignore',
      '.dockerignore',
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const project = await loadActorProject(dir);
    expect(project.config).toMatchObject({
      name: 'greeter',
      stateless: true,
      defaultEnvironment: { GREETING: 'Hello' },
    });
    expect(project.config.fixtures).toEqual([{ file: 'fixtures/hello.json', env: {} }]);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(pkg['dependencies']).toMatchObject({
      '@actorkit/runtime': expect.any(String),
      zod: expect.any(String),
    });
    expect(pkg['devDependencies']).toMatchObject({
      '@actorkit/testing': expect.any(String),
      vitest: expect.any(String),
    });
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toMatch(/dist\/[\s\S]*\.actorkit\//);
    const docker = await ignoreRules(dir, []);
    expect(docker.ignores('node_modules/')).toBe(true);
    expect(docker.ignores('dist/node_modules/')).toBe(false); // the runtime's native package goes into the image

    const tests = await run([join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run'], dir);
    expect(tests.code, tests.stdout + tests.stderr).toBe(0);
    // 4 in process, 2 in a container (CI=true: the engine is required)
    expect(tests.stdout).toMatch(/Tests\s+6 passed \(6\)/);
    const types = await run(
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'],
      dir,
    );
    expect(types.code, types.stdout + types.stderr).toBe(0);
  }, 240_000);

  it('refuses a folder that is not empty unless --force', async () => {
    const full = join(SCRATCH, 'full');
    await mkdir(full, { recursive: true });
    await writeFile(join(full, 'notes.txt'), 'mine');
    const refused = await cli(['init', full]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not empty; pick a new folder, or pass --force/);
    expect(existsSync(join(full, 'actor.json'))).toBe(false);
    expect((await cli(['init', full, '--force'])).code).toBe(0);
    expect(await readFile(join(full, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(full, 'src/actor.ts'))).toBe(true);
  });

  it('rejects a name the service would not take (exit 2), and takes --name instead', async () => {
    const odd = join(SCRATCH, '_odd name');
    const bad = await cli(['init', odd]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"_odd name" is not a valid actor name.*pass --name/);
    expect((await cli(['init', odd, '--name', 'odd'])).code).toBe(0);
    expect((await loadActorProject(odd)).config.name).toBe('odd');
  });

  it('outside a workspace, writes a self-contained tsconfig and vitest config, and the published packages', async () => {
    const base = await mkdtemp(join(tmpdir(), 'actorkit-init-'));
    outside.push(base);
    expect((await cli(['init', join(base, 'solo')])).code).toBe(0);
    const tsconfig = JSON.parse(await readFile(join(base, 'solo', 'tsconfig.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(tsconfig['extends']).toBeUndefined();
    expect(tsconfig['compilerOptions']).toMatchObject({ strict: true, module: 'NodeNext' });
    const vitestConfig = await readFile(join(base, 'solo', 'vitest.config.ts'), 'utf8');
    expect(vitestConfig).not.toContain('vitest.shared');
    const pkg = JSON.parse(await readFile(join(base, 'solo', 'package.json'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    const version = (
      JSON.parse(await readFile(join(ROOT, 'apps/harness/package.json'), 'utf8')) as { version: string }
    ).version;
    expect(pkg['dependencies']).toEqual({ '@actorkit/runtime': `^${version}`, zod: expect.any(String) });
    expect(pkg['devDependencies']).toMatchObject({
      actorkit: `^${version}`,
      '@actorkit/testing': `^${version}`,
      vitest: expect.any(String),
      typescript: expect.any(String),
      '@types/node': expect.any(String),
    });
    expect(pkg['scripts']).toMatchObject({ test: 'vitest run' });
    expect(pkg['allowScripts']).toMatchObject({
      'better-sqlite3': true,
      esbuild: true,
      koffi: true,
      ssh2: false,
    });
  });

  it('makes an actor of the current npm project, keeping its package.json entries and adding what is missing', async () => {
    const base = await mkdtemp(join(tmpdir(), 'actorkit-init-'));
    outside.push(base);
    const project = join(base, 'my-actor');
    await mkdir(join(project, 'node_modules'), { recursive: true });
    await writeFile(join(project, 'package-lock.json'), '{}');
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'my-actor',
        version: '1.2.3',
        scripts: { test: 'vitest run --reporter=dot' },
        dependencies: { '@actorkit/runtime': 'file:../runtime.tgz', zod: '^4.1.5' },
        devDependencies: { actorkit: 'file:../actorkit.tgz' },
      }),
    );
    const cwd = process.cwd();
    process.chdir(project);
    let r: RunResult;
    try {
      r = await cli(['init']);
    } finally {
      process.chdir(cwd);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created the actor "my-actor" in \./);
    expect(r.stdout).toContain('npm install');
    const pkg = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    expect(pkg['version']).toBe('1.2.3');
    expect(pkg['type']).toBe('module');
    expect(pkg['scripts']).toEqual({
      test: 'vitest run --reporter=dot',
      typecheck: 'tsc -p tsconfig.json --noEmit',
    });
    expect(pkg['dependencies']).toEqual({ '@actorkit/runtime': 'file:../runtime.tgz', zod: '^4.1.5' });
    expect(pkg['devDependencies']).toMatchObject({
      actorkit: 'file:../actorkit.tgz',
      typescript: expect.any(String),
    });
    expect(existsSync(join(project, 'src/actor.container.test.ts'))).toBe(true);
    expect((await loadActorProject(project)).config.name).toBe('my-actor');
  });
});
