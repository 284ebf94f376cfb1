import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { ActorsClient } from '@actorkit/api';
import { ActorProjectError, loadActorProject } from '@actorkit/build';
import { TOKEN_FILE } from '@actorkit/emulator';
import { connect as connectApi } from '../connection.js';
import { DevLoop } from '../dev/dev-loop.js';
import { eventPrinter } from '../dev/render.js';
import {
  EMULATOR_OPTIONS,
  EMULATOR_OPTIONS_HELP,
  launchEmulator,
  readLaunchOptions,
  type LaunchedEmulator,
} from '../emulator-launch.js';
import type { Output } from '../output.js';
import { UsageError } from '../usage-error.js';

export const DEV_SUMMARY = 'watch an actor, rebuild it, run its fixtures in real containers on every save';

export const DEV_HELP = `Usage: actorkit dev [dir] [options]

Runs an actor folder (actor.json + source; default: the current directory) against the emulator: compiles it,
builds its image when the Dockerfile, dependencies or actor.json change, registers or updates the actor, sends
its fixture messages, and shows each execution's logs, results and state change. Then watches the folder and
does it again on every save. A source-only change needs no image rebuild: the new code is mounted into the next
execution's fresh container.

Options:
  --once                  run one round and exit: 0 when every execution completed with exit code 0, else 1
  --json                  print one JSON event per line (for editors and scripts) instead of the terminal view
  --verbose               show image build output
  --no-typecheck          skip the type check (tsc) that runs after each round's executions
  --api <url>             use a running emulator (e.g. http://127.0.0.1:8000) instead of starting one
  --api-token <token>     its token (default $ACTORKIT_TOKEN, else <data-dir>/${TOKEN_FILE})
  --api-executor <kind>   what the running emulator executes with: docker (default) or process
Emulator options (when dev starts its own):
${EMULATOR_OPTIONS_HELP}
  -h, --help              show this help

Examples:
  actorkit dev examples/counter --once          one round, then exit with its verdict
  actorkit dev examples/counter                 keep running; save a file to run again
  actorkit dev . --json | jq .type              the events an editor would read
  actorkit dev . --api http://127.0.0.1:8000    against an emulator started with \`actorkit up\``;

interface Connection {
  client: ActorsClient;
  executor: 'docker' | 'process';
  launched: LaunchedEmulator | null;
}

async function connect(values: Record<string, string | boolean | undefined>): Promise<Connection> {
  const api = values.api as string | undefined;
  if (!api) {
    const launched = await launchEmulator(readLaunchOptions(values, 'dev'));
    return { client: launched.emulator.client, executor: launched.executorKind, launched };
  }
  const executor = (values['api-executor'] as string | undefined) ?? 'docker';
  if (executor !== 'docker' && executor !== 'process') {
    throw new UsageError(`--api-executor must be docker or process, got "${executor}"`, 'dev');
  }
  const connection = connectApi(
    {
      api,
      token: values['api-token'] as string | undefined,
      'data-dir': values['data-dir'] as string | undefined,
    },
    { command: 'dev' },
  );
  if (connection.credentials.kind === 'none') {
    throw new UsageError(
      `no token for ${api}: pass --api-token, set ACTORKIT_TOKEN, or point --data-dir at the emulator's data`,
      'dev',
    );
  }
  return { client: connection.client, executor, launched: null };
}

/** `actorkit dev`: the save -> result loop. */
export async function dev(argv: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        ...EMULATOR_OPTIONS,
        once: { type: 'boolean' },
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
        'no-typecheck': { type: 'boolean' },
        api: { type: 'string' },
        'api-token': { type: 'string' },
        'api-executor': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new UsageError((cause as Error).message, 'dev');
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.line(DEV_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`dev takes one actor folder, got ${positionals.length}`, 'dev');
  const json = values.json ?? false;
  const emit = eventPrinter(out, json, values.verbose ?? false);
  let project;
  try {
    project = await loadActorProject(positionals[0] ?? '.');
  } catch (error) {
    if (error instanceof ActorProjectError) {
      emit({ type: 'error', kind: 'user', message: error.message });
      return 1;
    }
    throw error;
  }
  const connection = await connect(values);
  try {
    if (connection.launched) {
      const { emulator, executorKind, executorReason } = connection.launched;
      emit({ type: 'emulator.ready', url: emulator.url, executor: executorKind, note: executorReason });
    }
    await using loop = new DevLoop({
      project,
      client: connection.client,
      executor: connection.executor,
      emit,
      typecheck: !values['no-typecheck'],
    });
    if (values.once) return (await loop.runRound('first round')) ? 0 : 1;
    // Watching starts before the first round, so a save made while it runs is not missed: it starts a newer round.
    await loop.watch();
    await loop.runRound('first round');
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    await once(stop.signal, 'abort');
    return 0;
  } finally {
    await connection.launched?.dispose();
  }
}
