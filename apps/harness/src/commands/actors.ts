import { clientCommand, JSON_OPTION } from '../client-command.js';
import { CONNECTION_HELP } from '../connection.js';
import { printJson, printTable, shortTime } from '../format.js';
import { UsageError } from '../usage-error.js';

export const ACTORS_HELP = `Usage: actorkit actors [options]

Lists the actors the caller may read: id, name, status, image, revision and when it was last updated.

Options:
  --limit <n>             how many (default 250, the service's default)
  --offset <n>            skip this many (default 0)
  --json                  machine output: the actors as the service gives them (the same as -o json)
  -h, --help              show this help

${CONNECTION_HELP}

Examples:
  actorkit actors
  actorkit actors --api https://tacc.tapis.io --flavour v3 --tapis-token $JWT
  actorkit actors --json | jq -r '.[].id'`;

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}"`, 'actors');
  return n;
}

export const actors = clientCommand({
  name: 'actors',
  help: ACTORS_HELP,
  options: { ...JSON_OPTION, limit: { type: 'string' }, offset: { type: 'string' } } as const,
  positionals: { min: 0, max: 0, names: 'no arguments' },
  async run({ conn, values, out }) {
    const limit = count('limit', values.limit, 250, 1);
    const offset = count('offset', values.offset, 0, 0);
    const list = await conn.client.list(limit, offset);
    if (conn.json) {
      printJson(out, list);
      return 0;
    }
    if (list.length === 0) {
      out.line(`no actors at ${conn.client.baseUrl}${offset ? ` after the first ${offset}` : ''}.`);
      out.hint(
        `  register one: ${out.code('actorkit dev <dir>')} (local) or ${out.code('actorkit deploy <dir>')}`,
      );
      return 0;
    }
    printTable(
      out,
      ['ID', 'NAME', 'STATUS', 'REV', 'UPDATED', 'IMAGE'],
      list.map((a) => [
        a.id,
        a.name ?? '-',
        a.status,
        String(a.revision),
        shortTime(a.lastUpdateTime || a.createTime),
        a.image,
      ]),
    );
    return 0;
  },
});
