import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@actorkit/api';
import { startEmulator, type RunningEmulator } from '@actorkit/emulator';
import { bin, cli, jsonOf } from './cli-fixture.js';

const COMMANDS = ['init', 'actors', 'send', 'logs', 'executions', 'state', 'nonces', 'workers', 'deploy'];

describe('every command has --help with examples', () => {
  it.each(COMMANDS)('actorkit %s --help', async (name) => {
    const r = await cli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: actorkit ${name}`));
    expect(r.stdout).toMatch(/\nExamples:\n {2}actorkit /);
    expect(r.stdout).toContain('-h, --help');
    expect(r.stderr).toBe('');
  });

  it('lists them all in the top-level help', async () => {
    const r = await cli(['--help']);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`\\n {2}${name}\\s+\\S`));
  });
});

describe('through the real bin', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true, token: 'bin-token' });
    await emu.client.add({ image: 'example/hello', name: 'hello' });
  });
  afterAll(() => emu.dispose());

  it('prints help, lists actors as JSON with the token from ACTORKIT_TOKEN, and sends a message', async () => {
    const help = await bin(['logs', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: actorkit logs <actor> [execution]');
    const env = { ACTORKIT_API: emu.url, ACTORKIT_TOKEN: emu.token };
    const listed = await bin(['actors', '--json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(jsonOf<Actor[]>(listed).map((a) => a.name)).toEqual(['hello']);
    const sent = await bin(['send', 'hello', 'Ada'], { env });
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^✔ sent to hello \(\w+\): execution \w+\n/);
    expect(sent.stdout).not.toContain('\u001b['); // no colours off a terminal
  }, 60_000);

  it('exits 1 with one clear line when Docker is missing for deploy, and 2 for a usage error', async () => {
    const env = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
    const args = ['--api-server', emu.url, '--token', emu.token, '--no-push'];
    const r = await bin(['deploy', 'examples/hello', ...args], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: deploy builds the actor's image with Docker, and the Docker engine does not answer at unix:\/\/\/nonexistent\/docker\.sock/,
    );
    expect(r.stderr).toContain('`actorkit up --executor process`');
    expect(r.stdout).toBe('');
    const usage = await bin(['send', 'hello', '--env', 'NOEQUALS', '--api', emu.url]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--env "NOEQUALS" is not NAME=value.*Run "actorkit send --help"/);
  }, 60_000);
});
