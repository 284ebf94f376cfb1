import { resolveActor } from '../actor-ref.js';
import { clientCommand, JSON_OPTION } from '../client-command.js';
import { CommandError } from '../command-error.js';
import { CONNECTION_HELP } from '../connection.js';
import { printJson } from '../format.js';
import { jsonArgument } from '../json-input.js';

export const STATE_HELP = `Usage: actorkit state <actor> [--set <json|@file>]

Prints the actor's state as JSON. With --set, replaces it (the next execution sees the new state; one that runs
now keeps the state it started with). Only stateful actors (registered with "stateless": false) have state.
<actor> is an id, an alias, an actor folder or an actor's name.

Options:
  --set <json|@file>      the new state: any JSON value, inline or from a file
  --json                  machine output: the state alone, for scripts (the same as -o json)
  -h, --help              show this help

${CONNECTION_HELP}

Examples:
  actorkit state counter
  actorkit state counter --set '{"count": 0}'
  actorkit state ./examples/counter --set @state.json`;

export const state = clientCommand({
  name: 'state',
  help: STATE_HELP,
  options: { ...JSON_OPTION, set: { type: 'string' } } as const,
  positionals: { min: 1, max: 1, names: '<actor>' },
  async run({ conn, values, positionals, out }) {
    const ref = positionals[0]!;
    const next = values.set === undefined ? undefined : { value: jsonArgument('--set', values.set, 'state') };
    const { client } = conn;
    const actor = await resolveActor(client, ref);
    if (next && actor.stateless) {
      throw new CommandError(
        `${actor.name ?? actor.id} (${actor.id}) is stateless, so it has no state to set; register it with "stateless": false in actor.json`,
      );
    }
    const current = next ? await client.updateState(actor.id, next.value) : await client.getState(actor.id);
    if (conn.json) {
      printJson(out, current.state);
      return 0;
    }
    if (next) out.ok(`state of ${actor.name ?? actor.id} (${actor.id}) replaced; the next execution sees it`);
    else
      out.hint(
        `state of ${actor.name ?? actor.id} (${actor.id})${actor.stateless ? ' (a stateless actor: always empty)' : ''}:`,
      );
    printJson(out, current.state);
    return 0;
  },
});
