import type { ActorsClient, Execution } from '@actorkit/api';
import { resolveActor } from '../actor-ref.js';
import { clientCommand, JSON_OPTION } from '../client-command.js';
import { CONNECTION_HELP } from '../connection.js';
import { printJson, printTable, shortTime } from '../format.js';
import { UsageError } from '../usage-error.js';

export const EXECUTIONS_HELP = `Usage: actorkit executions <actor> [options]

Lists an actor's executions, oldest first: id, status, exit code, run time (ms) and when the message arrived.
By default the latest 20. <actor> is an id, an alias, an actor folder or an actor's name.

Options:
  --limit <n>             how many (default 20)
  --offset <n>            skip this many of the oldest (default: show the latest)
  --json                  machine output: the service's executions summary and each execution (same as -o json)
  -h, --help              show this help

${CONNECTION_HELP}

Examples:
  actorkit executions hello
  actorkit executions hello --limit 100 --offset 0
  actorkit executions ./examples/counter --json`;

const OPTIONS = { ...JSON_OPTION, limit: { type: 'string' }, offset: { type: 'string' } } as const;

function count(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}"`, 'executions');
  return n;
}

/** Each execution in full (the summary has no exit codes or run times), a few requests at a time. */
async function details(client: ActorsClient, actorId: string, ids: string[]): Promise<Execution[]> {
  const all: Execution[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    all.push(...(await Promise.all(ids.slice(i, i + 8).map((id) => client.getExecution(actorId, id)))));
  }
  return all;
}

export const executions = clientCommand({
  name: 'executions',
  help: EXECUTIONS_HELP,
  options: OPTIONS,
  positionals: { min: 1, max: 1, names: '<actor>' },
  async run({ conn, values, positionals, out }) {
    const limit = count('limit', values.limit, 1) ?? 20;
    const givenOffset = count('offset', values.offset, 0);
    const { client } = conn;
    const actor = await resolveActor(client, positionals[0]!);
    let offset = givenOffset ?? 0;
    if (givenOffset === undefined) {
      const total = (await client.listExecutions(actor.id, 1, 0)).totalExecutions;
      offset = Math.max(0, total - limit);
    }
    const summary = await client.listExecutions(actor.id, limit, offset);
    const full = await details(client, actor.id, summary.ids);
    if (conn.json) {
      printJson(out, { summary, executions: full });
      return 0;
    }
    const total = summary.totalExecutions;
    if (total === 0) {
      out.line(`${actor.name ?? actor.id} (${actor.id}) has no executions yet.`);
      out.hint(`  send one: ${out.code(`actorkit send ${positionals[0]} <message>`)}`);
      return 0;
    }
    out.heading(`${actor.name ?? actor.id} (${actor.id}): ${total} execution${total === 1 ? '' : 's'}`);
    printTable(
      out,
      ['ID', 'STATUS', 'EXIT', 'RUNTIME MS', 'RECEIVED'],
      full.map((e) => [
        e.id,
        e.status,
        e.exitCode === null ? '-' : String(e.exitCode),
        String(e.runtime),
        shortTime(e.messageReceivedTime),
      ]),
    );
    const shown = full.length
      ? `${offset + 1}-${offset + full.length} of ${total}`
      : `none of ${total} at offset ${offset}`;
    out.hint(
      `showing ${shown}; total runtime ${summary.totalRuntime} ms, cpu ${summary.totalCpu} jiffies, io ${summary.totalIo} sectors`,
    );
    if (full.length < total) out.hint('  more with --limit <n> and --offset <n>');
    return 0;
  },
});
