import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TOKEN_FILE, type RunningEmulator } from '@actorkit/emulator';
import {
  EMULATOR_OPTIONS,
  EMULATOR_OPTIONS_HELP,
  launchEmulator,
  readLaunchOptions,
  type LaunchOptions,
} from '../emulator-launch.js';
import type { Output } from '../output.js';
import { UsageError } from '../usage-error.js';

export const UP_SUMMARY = 'run the Abaco actors API emulator on this machine';

export const UP_HELP = `Usage: actorkit up [options]

Runs the Abaco actors API emulator: the same routes as the real service under /actors/v2 (Abaco v2, agavepy),
/v3/actors (Tapis v3) and /actors. Actors, state, nonces, executions and queued messages are kept in the data
directory and survive a restart.

Options:
${EMULATOR_OPTIONS_HELP}
  -h, --help              show this help

Stop it with Ctrl-C (SIGINT) or SIGTERM: in-flight requests finish and the store is closed cleanly.`;

/** Reads `up`'s options; answers null when help was asked for. */
export function parseUpOptions(argv: string[]): LaunchOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { ...EMULATOR_OPTIONS, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (cause) {
    throw new UsageError((cause as Error).message, 'up');
  }
  if (values.help) return null;
  return readLaunchOptions(values, 'up');
}

function printBanner(
  out: Output,
  emu: RunningEmulator,
  options: LaunchOptions['emulator'],
  executor: string,
): void {
  out.heading('ActorKit emulator is up');
  out.field('Abaco v2', `${emu.url}/actors/v2`);
  out.field('Tapis v3', `${emu.url}/v3/actors`);
  out.field('data', emu.dataDir ?? 'in memory (nothing is kept)');
  out.field('user', `${emu.user} (admin)`);
  out.field('executor', executor);
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
  const launched = await launchEmulator(options);
  const { emulator: emu, executorReason } = launched;
  printBanner(out, emu, options.emulator, executorReason);
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
    await launched.dispose();
    out.ok('stopped; the store is closed');
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
