import type { ActorWorker } from '@actorkit/api';
import { resolveActor } from '../actor-ref.js';
import { clientCommand, JSON_OPTION } from '../client-command.js';
import { CONNECTION_HELP } from '../connection.js';
import { printJson, printTable, shortTime } from '../format.js';
import type { Output } from '../output.js';
import { UsageError } from '../usage-error.js';

export const WORKERS_HELP = `Usage: actorkit workers <actor> [--add N] [--delete ID]

Workers take an actor's messages one at a time, each in a fresh container. The service starts them when the
actor is registered; an admin may ask for more (the local emulator's user is an admin).
<actor> is an id, an alias, an actor folder or an actor's name.

Options:
  --add <n>               make sure the actor has at least n workers (admin role; stateful actors included)
  --delete <id>           stop and remove the worker with this id
  --json                  machine output: the workers as the service gives them (the same as -o json)
  -h, --help              show this help

${CONNECTION_HELP}

Examples:
  actorkit workers hello
  actorkit workers hello --add 3
  actorkit workers hello --delete Kq2x7B0aZQmRt`;

function printWorkers(out: Output, list: ActorWorker[]): void {
  printTable(
    out,
    ['ID', 'STATUS', 'LAST EXECUTION', 'CREATED'],
    list.map((w) => [
      w.id,
      w.status,
      w.lastExecutionTime === null || w.lastExecutionTime === 'None' ? '-' : shortTime(w.lastExecutionTime),
      shortTime(w.createTime),
    ]),
  );
}

export const workers = clientCommand({
  name: 'workers',
  help: WORKERS_HELP,
  options: { ...JSON_OPTION, add: { type: 'string' }, delete: { type: 'string' } } as const,
  positionals: { min: 1, max: 1, names: '<actor>' },
  async run({ conn, values, positionals, out }) {
    if (values.add !== undefined && values.delete !== undefined)
      throw new UsageError('give --add or --delete, not both', 'workers');
    const num = values.add === undefined ? undefined : Number(values.add);
    if (num !== undefined && (!Number.isInteger(num) || num < 1)) {
      throw new UsageError(`--add must be a whole number of at least 1, got "${values.add}"`, 'workers');
    }
    const { client } = conn;
    const actor = await resolveActor(client, positionals[0]!);
    const who = `${actor.name ?? actor.id} (${actor.id})`;
    if (values.delete !== undefined) {
      await client.deleteWorker(actor.id, values.delete);
      if (conn.json) printJson(out, { deleted: values.delete });
      else out.ok(`worker ${values.delete} of ${who} deleted`);
      return 0;
    }
    if (num !== undefined) await client.addWorker(actor.id, { num });
    const list = await client.listWorkers(actor.id);
    if (conn.json) {
      printJson(out, list);
      return 0;
    }
    if (num !== undefined)
      out.ok(`${who} has ${list.length} worker${list.length === 1 ? '' : 's'} (asked for at least ${num})`);
    if (list.length === 0) {
      out.line(
        `${who} has no workers${actor.status === 'SUBMITTED' ? ' yet (the actor is SUBMITTED)' : ''}.`,
      );
      return 0;
    }
    printWorkers(out, list);
    return 0;
  },
});
