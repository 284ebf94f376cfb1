import { parseArgs } from 'node:util';
import { dev, DEV_HELP, DEV_SUMMARY } from './commands/dev.js';
import { up, UP_HELP, UP_SUMMARY } from './commands/up.js';
import { actors, ACTORS_HELP, ACTORS_SUMMARY } from './commands/actors.js';
import { deploy, DEPLOY_HELP, DEPLOY_SUMMARY } from './commands/deploy.js';
import { executions, EXECUTIONS_HELP, EXECUTIONS_SUMMARY } from './commands/executions.js';
import { init, INIT_HELP, INIT_SUMMARY } from './commands/init.js';
import { logs, LOGS_HELP, LOGS_SUMMARY } from './commands/logs.js';
import { nonces, NONCES_HELP, NONCES_SUMMARY } from './commands/nonces.js';
import { send, SEND_HELP, SEND_SUMMARY } from './commands/send.js';
import { state, STATE_HELP, STATE_SUMMARY } from './commands/state.js';
import { workers, WORKERS_HELP, WORKERS_SUMMARY } from './commands/workers.js';
import { createOutput, type Output } from './output.js';
import { UsageError } from './usage-error.js';

interface Command {
  summary: string;
  help: string;
  run(argv: string[], out: Output): Promise<number>;
}

/** The commands, by name. The harness issue adds dev, send, logs, executions, state and deploy. */
const COMMANDS: Record<string, Command> = {
  up: { summary: UP_SUMMARY, help: UP_HELP, run: up },
  dev: { summary: DEV_SUMMARY, help: DEV_HELP, run: dev },
  init: { summary: INIT_SUMMARY, help: INIT_HELP, run: init },
  actors: { summary: ACTORS_SUMMARY, help: ACTORS_HELP, run: actors },
  send: { summary: SEND_SUMMARY, help: SEND_HELP, run: send },
  logs: { summary: LOGS_SUMMARY, help: LOGS_HELP, run: logs },
  executions: { summary: EXECUTIONS_SUMMARY, help: EXECUTIONS_HELP, run: executions },
  state: { summary: STATE_SUMMARY, help: STATE_HELP, run: state },
  nonces: { summary: NONCES_SUMMARY, help: NONCES_HELP, run: nonces },
  workers: { summary: WORKERS_SUMMARY, help: WORKERS_HELP, run: workers },
  deploy: { summary: DEPLOY_SUMMARY, help: DEPLOY_HELP, run: deploy },
};

const HELP = `Usage: actorkit <command> [options]

Write, run and test actors for Abaco and Tapis Actors, locally.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "actorkit <command> --help" for a command's options.`;

/** Runs the CLI; answers the exit code (0 success, 1 failure, 2 usage error). */
export async function main(argv: string[], out: Output = createOutput()): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
  });
  const name = positionals[0];
  if (!name || argv[0]?.startsWith('-')) {
    if (values.version) {
      out.line('actorkit 0.1.0');
      return 0;
    }
    out.line(HELP);
    return values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    out.error(
      `unknown command "${name}"; the commands are: ${Object.keys(COMMANDS).join(', ')}. Run "actorkit --help".`,
    );
    return 2;
  }
  try {
    return await command.run(argv.slice(argv.indexOf(name) + 1), out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}. Run "actorkit ${name} --help" for the options.`);
      return 2;
    }
    out.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) process.exitCode = await main(process.argv.slice(2));
