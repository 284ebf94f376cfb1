import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { invoke } from '@actorkit/testing';
import hello from './actor.js';

describe('hello', () => {
  it('greets the name in the message', async () => {
    const run = await invoke(hello, { message: 'Ada', env: { GREETING: 'Hello' } });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Hello, Ada!\n/);
    expect(run.results).toEqual([]);
  });

  it('uses the greeting a message parameter gives, and greets the world when no name is given', async () => {
    const run = await invoke(hello, { message: '  ', env: { GREETING: 'Bonjour' } });
    expect(run.stdout).toMatch(/^Bonjour, world!\n/);
  });

  it('says Hello without any defaultEnvironment', async () => {
    expect((await invoke(hello, { message: 'Grace' })).stdout).toMatch(/^Hello, Grace!\n/);
  });

  it('refuses a JSON message, exiting 2 with the reason', async () => {
    const run = await invoke(hello, { message: { name: 'Ada' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /the message does not match the actor's message schema:\n {2}- \(root\): .*expected string/,
    );
  });

  it('greets the name in its dev-loop fixture (sent as text, trailing newline dropped)', async () => {
    const text = (await readFile(new URL('../fixtures/ada.txt', import.meta.url), 'utf8')).replace(/\n$/, '');
    expect((await invoke(hello, { message: text, env: { GREETING: 'Bonjour' } })).stdout).toMatch(
      /^Bonjour, Ada!\n/,
    );
  });
});
