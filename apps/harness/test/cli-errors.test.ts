import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, closedPort } from './cli-fixture.js';
import { useEmulator } from './emulator-fixture.js';

const s = useEmulator();

describe('mistakes, and a service that is not there', () => {
  it('rejects bad command lines with exit 2 and a pointer to --help', async () => {
    const cases: [string[], RegExp][] = [
      [['send', 'hello', 'x', '--env', 'GREETING'], /--env "GREETING" is not NAME=value/],
      [['send', 'hello', 'x', '--env', 'message=hi'], /--env message=\.\.\. is not allowed/],
      [['send', 'hello', '--json', '{"a":'], /--json: the value is not valid JSON/],
      [['send', 'hello'], /give a message: text/],
      [['send', 'hello', 'x', '--json', '{}'], /give one message, not a text message and --json/],
      [['actors', '--flavour', 'v4'], /--flavour must be v2 or v3/],
      [['actors', '--token', 't', '--nonce', 'n'], /give one of --token, --jwt, --tapis-token and --nonce/],
      [['logs'], /actorkit logs takes <actor> and an optional execution id \(got none\)/],
      [['executions', 'hello', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli([...argv, ...s.c]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(`Run "actorkit ${argv[0]} --help"`);
    }
  });

  it('says the API is not reachable and how to start it (exit 1)', async () => {
    const port = await closedPort();
    const r = await cli(['actors', '--api', `http://127.0.0.1:${port}`, '--token', 't']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: the actors API at http://127\\.0\\.0\\.1:${port} is not reachable \\(ECONNREFUSED\\).*actorkit up`,
      ),
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it("passes on the service's own message for a refused token, with where the token came from", async () => {
    const wrong = await cli(['actors', '--api', s.emu.url, '--token', 'not-the-token']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/\(HTTP 401 from GET \/actors\/v2\); the credentials came from --token/);
    const none = await cli(['actors', '--api', s.emu.url, '--data-dir', join(s.dir, 'no-such-dir')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no credentials were sent: pass --token <token> or set ACTORKIT_TOKEN/);
  });
});
