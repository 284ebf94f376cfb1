import { resolveActor } from '../actor-ref.js';
import { clientCommand, JSON_OPTION } from '../client-command.js';
import { CONNECTION_HELP } from '../connection.js';
import { executionLine, followExecution, latestExecutionId } from '../execution-watch.js';
import { printJson, printText } from '../format.js';
import { UsageError } from '../usage-error.js';

export const LOGS_HELP = `Usage: actorkit logs <actor> [execution] [options]

Prints the logs of one execution: stdout and stderr of the actor's container, together. Without an execution id,
the actor's latest execution. <actor> is an id, an alias, an actor folder or an actor's name.

Options:
  -f, --follow            keep printing the log as it grows, until the execution ends; then print its status
                          (exit 1 unless it completed with exit code 0)
  --timeout <seconds>     with --follow: give up after this long (default: wait as long as it runs)
  --json                  machine output: {execution, logs} (the same as -o json)
  -h, --help              show this help

${CONNECTION_HELP}

Examples:
  actorkit logs hello
  actorkit logs hello qxzQCXix05mPS
  actorkit logs ./examples/counter --follow
  actorkit logs hello --json | jq -r .logs`;

const OPTIONS = {
  ...JSON_OPTION,
  follow: { type: 'boolean', short: 'f' },
  timeout: { type: 'string' },
} as const;

export const logs = clientCommand({
  name: 'logs',
  help: LOGS_HELP,
  options: OPTIONS,
  positionals: { min: 1, max: 2, names: '<actor> and an optional execution id' },
  async run({ conn, values, positionals, out }) {
    const [ref, given] = positionals as [string, string | undefined];
    let timeoutMs: number | undefined;
    if (values.timeout !== undefined) {
      const n = Number(values.timeout);
      if (!Number.isFinite(n) || n <= 0)
        throw new UsageError(
          `--timeout must be a positive number of seconds, got "${values.timeout}"`,
          'logs',
        );
      timeoutMs = n * 1000;
    }
    const { client } = conn;
    const actor = await resolveActor(client, ref);
    const executionId = given ?? (await latestExecutionId(client, actor.id, ref));
    if (values.follow) {
      if (!conn.json)
        out.hint(
          `── execution ${executionId} of ${actor.name ?? actor.id} (${actor.id}); following until it ends`,
        );
      const execution = await followExecution(client, actor.id, executionId, {
        timeoutMs,
        onLogs: conn.json ? undefined : (text) => printText(out, text),
      });
      if (conn.json)
        printJson(out, { execution, logs: (await client.getExecutionLogs(actor.id, executionId)).logs });
      else out.hint(`── ${executionLine(execution)}`);
      return execution.status === 'COMPLETE' && (execution.exitCode ?? 0) === 0 ? 0 : 1;
    }
    const [execution, { logs: text }] = await Promise.all([
      client.getExecution(actor.id, executionId),
      client.getExecutionLogs(actor.id, executionId),
    ]);
    if (conn.json) {
      printJson(out, { execution, logs: text });
      return 0;
    }
    out.hint(
      `── execution ${executionId} of ${actor.name ?? actor.id} (${actor.id}): ${executionLine(execution)}`,
    );
    printText(out, text);
    if (execution.status === 'SUBMITTED' || execution.status === 'RUNNING') {
      out.hint(
        `── still ${execution.status}; follow it with ${out.code(`actorkit logs ${ref} ${executionId} --follow`)}`,
      );
    }
    return 0;
  },
});
