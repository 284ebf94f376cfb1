import { PERMISSION_LEVELS, type ActorNonce } from '@actorkit/api';
import { resolveActor } from '../actor-ref.js';
import { clientCommand, JSON_OPTION } from '../client-command.js';
import { CONNECTION_HELP } from '../connection.js';
import { printJson, printTable, shortTime } from '../format.js';
import { UsageError } from '../usage-error.js';

export const NONCES_HELP = `Usage: actorkit nonces <actor> [--create [--level L] [--max-uses N] [--description D]] [--delete ID]

A nonce lets someone without an account act on one actor, up to a level, a number of times: they add
?x-nonce=<id> to the URL. Lists the actor's nonces, or creates or deletes one.
<actor> is an id, an alias, an actor folder or an actor's name.

Options:
  --create                create a nonce
  --level <level>         with --create: READ, EXECUTE (default) or UPDATE
  --max-uses <n>          with --create: how many uses (default -1: unlimited)
  --description <text>    with --create: what it is for
  --delete <id>           delete the nonce with this id
  --json                  machine output: the nonce(s) as the service gives them (the same as -o json)
  -h, --help              show this help

${CONNECTION_HELP}

Examples:
  actorkit nonces hello
  actorkit nonces hello --create --max-uses 10 --description "for the web form"
  actorkit nonces hello --delete DEV-DEVELOP_x7Kq2`;

const OPTIONS = {
  ...JSON_OPTION,
  create: { type: 'boolean' },
  level: { type: 'string' },
  'max-uses': { type: 'string' },
  description: { type: 'string' },
  delete: { type: 'string' },
} as const;

function uses(n: ActorNonce): string {
  return n.maxUses === -1 ? `${n.currentUses}/unlimited` : `${n.currentUses}/${n.maxUses}`;
}

export const nonces = clientCommand({
  name: 'nonces',
  help: NONCES_HELP,
  options: OPTIONS,
  positionals: { min: 1, max: 1, names: '<actor>' },
  async run({ conn, values, positionals, out }) {
    const ref = positionals[0]!;
    if (values.create && values.delete !== undefined)
      throw new UsageError('give --create or --delete, not both', 'nonces');
    const creating = [values.level, values['max-uses'], values.description].some((v) => v !== undefined);
    if (creating && !values.create)
      throw new UsageError('--level, --max-uses and --description go with --create', 'nonces');
    const level = (values.level ?? 'EXECUTE').toUpperCase();
    if (!(PERMISSION_LEVELS as readonly string[]).includes(level) || level === 'NONE') {
      throw new UsageError(`--level must be READ, EXECUTE or UPDATE, got "${values.level}"`, 'nonces');
    }
    const maxUses = values['max-uses'] === undefined ? -1 : Number(values['max-uses']);
    if (!Number.isInteger(maxUses) || (maxUses !== -1 && maxUses < 1)) {
      throw new UsageError(
        `--max-uses must be -1 (unlimited) or a positive whole number, got "${values['max-uses']}"`,
        'nonces',
      );
    }
    const { client } = conn;
    const actor = await resolveActor(client, ref);
    const who = `${actor.name ?? actor.id} (${actor.id})`;
    if (values.delete !== undefined) {
      await client.deleteNonce(actor.id, values.delete);
      if (conn.json) printJson(out, { deleted: values.delete });
      else out.ok(`nonce ${values.delete} of ${who} deleted`);
      return 0;
    }
    if (values.create) {
      const nonce = await client.addNonce(actor.id, {
        level,
        maxUses,
        description: values.description ?? '',
      });
      if (conn.json) {
        printJson(out, nonce);
        return 0;
      }
      out.ok(
        `nonce ${nonce.id} for ${who}: ${nonce.level}, ${maxUses === -1 ? 'unlimited uses' : `${maxUses} uses`}`,
      );
      out.line('Anyone with it can, without a token:');
      out.line(
        `  ${out.code(`curl -d "message=hello" "${client.baseUrl}/${actor.id}/messages?x-nonce=${nonce.id}"`)}`,
      );
      return 0;
    }
    const list = await client.listNonces(actor.id);
    if (conn.json) {
      printJson(out, list);
      return 0;
    }
    if (list.length === 0) {
      out.line(`${who} has no nonces.`);
      out.hint(`  create one: ${out.code(`actorkit nonces ${ref} --create`)}`);
      return 0;
    }
    printTable(
      out,
      ['ID', 'LEVEL', 'USES', 'REMAINING', 'CREATED', 'DESCRIPTION'],
      list.map((n) => [
        n.id,
        n.level,
        uses(n),
        n.remainingUses === -1 ? 'unlimited' : String(n.remainingUses),
        shortTime(n.createTime),
        n.description,
      ]),
    );
    return 0;
  },
});
