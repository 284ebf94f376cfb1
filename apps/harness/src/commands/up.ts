import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { GatewayStatus, RunningEmulator } from '@actorkit/emulator';
import { TOKEN_FILE } from '../token-file.js';
import {
  EMULATOR_OPTIONS,
  EMULATOR_OPTIONS_HELP,
  readLaunchOptions,
  type LaunchOptions,
} from '../emulator-options.js';
import type { Output } from '../output.js';
import { UsageError } from '../usage-error.js';
import { ACTOR_SETTING_HELP, ACTOR_SETTING_OPTIONS, readActorSettings } from './up-actor-settings.js';

export const UP_HELP = `Usage: actorkit up [options]

Runs the Abaco actors API emulator: the same routes as the real service under /actors/v2 (Abaco v2, agavepy),
/v3/actors (Tapis v3) and /actors. Actors, state, nonces, executions and queued messages are kept in the data
directory and survive a restart.

Options:
${EMULATOR_OPTIONS_HELP}
${ACTOR_SETTING_HELP}
  --no-gateway            no https://localhost gateway (port 443) for containers: they get the emulator's own
                          http URL, and actors that call the API as agavepy does cannot reach it
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
      options: {
        ...EMULATOR_OPTIONS,
        ...ACTOR_SETTING_OPTIONS,
        'no-gateway': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    throw new UsageError((cause as Error).message, 'up');
  }
  if (values.help) return null;
  const launch = readLaunchOptions(values, 'up');
  return {
    ...launch,
    emulator: { ...launch.emulator, ...readActorSettings(values, 'up') },
    ...(values['no-gateway'] ? { pool: { ...launch.pool, gateway: false } } : {}),
  };
}

function printBanner(
  out: Output,
  emu: RunningEmulator,
  options: LaunchOptions['emulator'],
  executor: string,
  gateway: GatewayStatus | null,
): void {
  out.heading('ActorKit emulator is up');
  out.field('Abaco v2', `${emu.url}/actors/v2`);
  out.field('Tapis v3', `${emu.url}/v3/actors`);
  out.field('dashboard', `${emu.url}/#token=${encodeURIComponent(emu.token)}`);
  out.field('data', emu.dataDir ?? 'in memory (nothing is kept)');
  out.field('user', `${emu.user} (admin)`);
  out.field('executor', executor);
  if (gateway?.state === 'up')
    out.field('containers', `reach the API at ${gateway.apiServer} (TLS gateway on port 443)`);
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
  // loaded here, not at the top: `actorkit up --help` must not load the emulator
  const { launchEmulator } = await import('../emulator-launch.js');
  // the gateway tells how it started (or why not) once: in the banner; later changes (it stopped, it is back) as lines
  let firstGateway: (status: GatewayStatus) => void = () => undefined;
  const gatewayReady = new Promise<GatewayStatus>((resolve) => (firstGateway = resolve));
  let bannerShown = false;
  const onStatus = (status: GatewayStatus) => {
    firstGateway(status);
    if (!bannerShown) return;
    if (status.state === 'up') out.ok(`gateway: ${status.message}`);
    else out.warn(`gateway: ${status.message}`);
  };
  const asked = options.pool.gateway;
  if (asked !== false) options.pool.gateway = { ...(typeof asked === 'object' ? asked : {}), onStatus };
  const launched = await launchEmulator(options);
  const { emulator: emu, executorReason } = launched;
  const gateway =
    options.pool.gateway === false
      ? null
      : await Promise.race([
          gatewayReady,
          new Promise<null>((r) => setTimeout(() => r(null), 30_000).unref()),
        ]);
  printBanner(out, emu, options.emulator, executorReason, gateway);
  bannerShown = true;
  if (gateway?.state === 'unavailable') out.warn(`gateway: ${gateway.message}`);
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
