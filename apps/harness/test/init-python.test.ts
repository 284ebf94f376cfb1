import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ignoreRules, loadActorProject } from '@actorkit/project';
import { cli, ROOT } from './cli-fixture.js';

const SCRATCH = join(ROOT, '.actorkit', 'cli-tests', `init-python-${process.pid}`);
afterAll(() => rm(SCRATCH, { recursive: true, force: true }));
const python = spawnSync('python3', ['--version']).status === 0;

describe('actorkit init --lang python', () => {
  const dir = join(SCRATCH, 'greeter');

  it('scaffolds a Python actor with its own Dockerfile, agavepy-style helpers, fixtures and the dev mount', async () => {
    const r = await cli(['init', dir, '--lang', 'python']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('python3 -m unittest discover -s tests');
    for (const file of ['actor.json', 'Dockerfile', 'src/actor.py', 'src/actors.py', 'tests/test_actor.py'])
      expect(existsSync(join(dir, file)), file).toBe(true);
    const project = await loadActorProject(dir);
    expect(project).toMatchObject({
      kind: 'dockerfile',
      language: 'python',
      dockerfile: 'Dockerfile',
      devMounts: [{ folder: 'src', target: '/app/src' }],
    });
    expect(project.config.fixtures.map((f) => f.file)).toEqual([
      'fixtures/hello.json',
      'fixtures/grace.txt',
      'fixtures/bytes.bin',
    ]);
    expect(await readFile(join(dir, 'Dockerfile'), 'utf8')).toMatch(
      /^FROM actorkit\/python:3\.11$[\s\S]*CMD \["python3", "\/app\/src\/actor\.py"\]/m,
    );
    const helpers = await readFile(join(dir, 'src', 'actors.py'), 'utf8');
    for (const name of [
      'get_context',
      'update_state',
      'send_bytes_result',
      'get_binary_message',
      'get_client',
    ])
      expect(helpers).toContain(`def ${name}(`);
    // the watcher sees actor.json and the fixtures; the tests and caches stay out of the image and the loop
    const docker = await ignoreRules(dir, []);
    expect(docker.ignores('actor.json')).toBe(false);
    expect(docker.ignores('fixtures/hello.json')).toBe(false);
    expect(docker.ignores('tests/test_actor.py')).toBe(true);
    expect(docker.ignores('src/__pycache__/')).toBe(true);
  });

  it.skipIf(!python)('whose own tests pass, and whose helpers compile', () => {
    const tests = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'tests'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(tests.status, tests.stderr).toBe(0);
    expect(tests.stderr).toMatch(/Ran 3 tests[\s\S]*OK/);
    const compiled = spawnSync(
      'python3',
      [
        '-c',
        'import ast,sys; [ast.parse(open(f).read()) for f in sys.argv[1:]]',
        'src/actor.py',
        'src/actors.py',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(compiled.status, compiled.stderr).toBe(0);
  });

  it('refuses a language it does not know, as a usage error', async () => {
    const r = await cli(['init', join(SCRATCH, 'x'), '--lang', 'cobol']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang takes typescript or python, got "cobol"');
  });
});
