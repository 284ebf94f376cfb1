import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { capture } from './cli-fixture.js';

describe('the actorkit command router', () => {
  it('prints help (exit 0), the version, and rejects unknown commands with exit 2', async () => {
    const a = capture();
    expect(await main(['--help'], a.out)).toBe(0);
    expect(a.text.out).toMatch(/Usage: actorkit <command>[\s\S]*up\s+run the Abaco actors API emulator/);
    const b = capture();
    expect(await main(['--version'], b.out)).toBe(0);
    expect(b.text.out).toBe('actorkit 0.1.0\n');
    const c = capture();
    expect(await main(['deploy-everything'], c.out)).toBe(2);
    expect(c.text.err).toMatch(/unknown command "deploy-everything"/);
    const d = capture();
    expect(await main([], d.out)).toBe(2);
  });

  it('sends usage errors of a command to stderr with a pointer to its help', async () => {
    const a = capture();
    expect(await main(['up', '--port', 'eighty'], a.out)).toBe(2);
    expect(a.text.err).toMatch(/--port must be a whole number.*actorkit up --help/);
    const b = capture();
    expect(await main(['up', '--help'], b.out)).toBe(0);
    expect(b.text.out).toMatch(/--trust-jwt/);
  });

  it('colours only on a terminal', () => {
    const plain = capture(false);
    plain.out.ok('done');
    expect(plain.text.out).toBe('✔ done\n');
    const tty = capture(true);
    tty.out.ok('done');
    expect(tty.text.out).toContain('\u001b[32m');
  });
});
