import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  startEmulator,
  TOKEN_FILE,
  type RunningEmulator,
  type StartEmulatorOptions,
} from '@actorkit/emulator';
import type { Output } from '../output.js';
import { UsageError } from '../usage-error.js';

export const UP_SUMMARY = 'run the Abaco actors API emulator on this machine';

export const UP_HELP = `Usage: actorkit up [options]

Runs the Abaco actors API emulator: the same routes as the real service under /actors/v2 (Abaco v2, agavepy),
/v3/actors (Tapis v3) and /actors. Actors, state, nonces, executions and queued messages are kept in the data
directory and survive a restart.

Options:
  --port <n>              port to listen on (default 8000; 0 picks a free one)
  --host <addr>           address to bind (default 127.0.0.1: this machine only)
  --data-dir <dir>        where the store lives (default .actorkit in the current directory)
  --in-memory             keep nothing on disk
  --case <camel|snake>    key case of responses (default camel); requests are accepted in either
  --user <name>           the local user's name (default: your OS account); it has the admin role
  --token <token>         the local user's bearer token (default: generated once, saved in <data-dir>/${TOKEN_FILE})
  --trust-jwt             read X-Jwt-Assertion-<TENANT> and X-Tapis-Token JWTs without checking signatures
  --no-auth               requests without credentials act as the local user
  --max-body-bytes <n>    cap on JSON and form bodies (default 10485760)
  --max-binary-bytes <n>  cap on binary messages (default 10485760)
  -h, --help              show this help

Stop it with Ctrl-C (SIGINT) or SIGTERM: in-flight requests finish and the store is closed cleanly.`;

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}"`, 'up');
  return n;
}

/** Reads `up`'s options; answers null when help was asked for. */
export function parseUpOptions(argv: string[]): StartEmulatorOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        case: { type: 'string' },
        user: { type: 'string' },
        token: { type: 'string' },
        'trust-jwt': { type: 'boolean' },
        'no-auth': { type: 'boolean' },
        'max-body-bytes': { type: 'string' },
        'max-binary-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    throw new UsageError((cause as Error).message, 'up');
  }
  if (values.help) return null;
  const keyCase = values.case ?? 'camel';
  if (keyCase !== 'camel' && keyCase !== 'snake')
    throw new UsageError(`--case must be camel or snake, got "${keyCase}"`, 'up');
  const port = integer('port', values.port, 0) ?? 8000;
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`, 'up');
  return {
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? '.actorkit',
    inMemory: values['in-memory'] ?? false,
    keyCase,
    user: values.user,
    token: values.token,
    trustJwt: values['trust-jwt'] ?? false,
    noAuth: values['no-auth'] ?? false,
    maxBodyBytes: integer('max-body-bytes', values['max-body-bytes'], 1),
    maxBinaryBytes: integer('max-binary-bytes', values['max-binary-bytes'], 1),
  };
}

function printBanner(out: Output, emu: RunningEmulator, options: StartEmulatorOptions): void {
  out.heading('ActorKit emulator is up');
  out.field('Abaco v2', `${emu.url}/actors/v2`);
  out.field('Tapis v3', `${emu.url}/v3/actors`);
  out.field('data', emu.dataDir ?? 'in memory (nothing is kept)');
  out.field('user', `${emu.user} (admin)`);
  out.field('token', emu.token);
  out.line();
  out.line('Authenticate with the header:');
  out.line(`  ${out.code(`Authorization: Bearer ${emu.token}`)}`);
  if (emu.dataDir)
    out.hint(`  (the token is saved in ${join(emu.dataDir, TOKEN_FILE)} and kept across restarts)`);
  if (options.noAuth) out.hint('  --no-auth: requests without credentials act as the local user');
  if (options.trustJwt) out.warn('--trust-jwt: JWT signatures are NOT checked; use only on this machine');
  out.line();
  out.line('Try:');
  out.line(`  ${out.code(`curl -H "Authorization: Bearer ${emu.token}" ${emu.url}/actors/v2`)}`);
  out.line();
  out.hint('Ctrl-C stops it.');
}

/** `actorkit up`: starts the emulator and runs until SIGINT or SIGTERM. */
export async function up(argv: string[], out: Output): Promise<number> {
  const options = parseUpOptions(argv);
  if (!options) {
    out.line(UP_HELP);
    return 0;
  }
  const emu = await startEmulator(options);
  printBanner(out, emu, options);
  const stopping = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping.signal.aborted) {
      out.hint(`${signal}: still stopping (in-flight requests get up to 5 s)`);
      return;
    }
    out.line(`${signal}: stopping; in-flight requests finish first`);
    stopping.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await once(stopping.signal, 'abort');
    await emu.dispose();
    out.ok('stopped; the store is closed');
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
