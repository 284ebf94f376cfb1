import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { ActorsClient } from '@actorkit/api';
import { TOKEN_FILE } from '../token-file.js';
import { connect as connectApi } from '../connection.js';
import type { LaunchedEmulator } from '../emulator-launch.js';
import { EMULATOR_OPTIONS, EMULATOR_OPTIONS_HELP, readLaunchOptions } from '../emulator-options.js';
import type { Output } from '../output.js';
import type { DevEvent } from '../dev/events.js';
import { UsageError } from '../usage-error.js';
import {
  DEFAULT_DEBUGPY_PORT,
  DEFAULT_NODE_INSPECT_PORT,
  type InspectOptions,
} from '../dev/inspect-options.js';

export const DEV_HELP = `Usage: actorkit dev [dir] [options]

Runs an actor folder (actor.json + source; default: the current directory) against the emulator: compiles it,
builds its image when what the image is made of changes, registers or updates the actor, sends its fixture
messages, and shows each execution's logs, results and state change. Then watches the folder and does it again on
every save. A source-only change needs no image rebuild: the new code is mounted into the next execution's fresh
container. An actor in another language (its own Dockerfile, no src/actor.ts) runs the same loop without the
compile and the type check; its image is rebuilt when its build context changes, and the folders actor.json's
"dev": {"mount": {"src": "/app/src"}} names are mounted instead, so a save of them needs no rebuild either.

Options:
  --once                  run one round and exit: 0 when every execution completed with exit code 0, else 1
  --json                  print one JSON event per line (for editors and scripts) instead of the terminal view
  --verbose               show image build output
  --no-typecheck          skip the type check (tsc) that runs after each round's executions
  --inspect[=port]        start each execution under a debugger on 127.0.0.1:<port> (Node's inspector, default
                          ${DEFAULT_NODE_INSPECT_PORT}, with a source map to the TypeScript; debugpy for Python images that have it,
                          default ${DEFAULT_DEBUGPY_PORT}) and print how to attach
  --inspect-brk[=port]    the same, and the actor waits for the debugger before it runs
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
  actorkit dev . --api http://127.0.0.1:8000    against an emulator started with \`actorkit up\`
  actorkit dev examples/hello --inspect-brk     stop in the debugger before each execution runs`;

/** The two debugger flags take an optional port (`--inspect=9230`), which parseArgs cannot say: read them here. */
function inspectArgs(argv: string[]): { argv: string[]; flag: string | null; port: string | null } {
  let flag: string | null = null;
  let port: string | null = null;
  const rest: string[] = [];
  for (const arg of argv) {
    const m = /^--(inspect|inspect-brk)(?:=(.*))?$/.exec(arg);
    if (!m) {
      rest.push(arg);
      continue;
    }
    if (flag && flag !== m[1]) throw new UsageError('pass --inspect or --inspect-brk, not both', 'dev');
    flag = m[1]!;
    port = m[2] ?? port;
  }
  return { argv: rest, flag, port };
}

function inspectOptions(flag: string | null, port: string | null, language: string): InspectOptions | null {
  if (!flag) return null;
  const fallback = language === 'python' ? DEFAULT_DEBUGPY_PORT : DEFAULT_NODE_INSPECT_PORT;
  if (port === null || port === '') return { port: fallback, wait: flag === 'inspect-brk' };
  const n = Number(port);
  if (!/^\d+$/.test(port) || n < 1 || n > 65535)
    throw new UsageError(`--${flag} takes a port from 1 to 65535, got "${port}"`, 'dev');
  return { port: n, wait: flag === 'inspect-brk' };
}

interface Connection {
  client: ActorsClient;
  executor: 'docker' | 'process';
  launched: LaunchedEmulator | null;
}

async function connect(values: Record<string, string | string[] | boolean | undefined>): Promise<Connection> {
  const api = values.api as string | undefined;
  if (!api) {
    const { launchEmulator } = await import('../emulator-launch.js');
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
  const inspect = inspectArgs(argv);
  inspectOptions(inspect.flag, inspect.port, ''); // a wrong port is a usage error before anything starts
  let parsed;
  try {
    parsed = parseArgs({
      args: inspect.argv,
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
  // loaded here, not at the top: `actorkit dev --help` must not load the bundler, Docker or the emulator
  const [{ ActorProjectError, loadActorProject }, { DevLoop }, { eventPrinter }] = await Promise.all([
    import('@actorkit/project'),
    import('../dev/dev-loop.js'),
    import('../dev/render.js'),
  ]);
  const json = values.json ?? false;
  const print = eventPrinter(out, json, values.verbose ?? false);
  // Every event also goes to the dashboard of the emulator this command starts (its dev-loop view).
  let publish: ((event: DevEvent) => void) | null = null;
  const emit = (event: DevEvent): void => {
    print(event);
    publish?.(event);
  };
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
      const { DevEventChannel, attachDevEvents } = await import('@actorkit/emulator');
      const channel = new DevEventChannel();
      attachDevEvents(emulator, channel);
      publish = (event) => channel.publish(event);
      emit({
        type: 'emulator.ready',
        url: emulator.url,
        dashboard: `${emulator.url}/#token=${encodeURIComponent(emulator.token)}`,
        executor: executorKind,
        note: executorReason,
      });
    }
    await using loop = new DevLoop({
      project,
      client: connection.client,
      executor: connection.executor,
      emit,
      typecheck: !values['no-typecheck'],
      inspect: inspectOptions(inspect.flag, inspect.port, project.language),
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
