import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ActorsApiError, type Actor, type ActorsClient } from '@actorkit/api';
import { CommandError } from './command-error.js';

/** What a path segment of the API may be: an id or an alias. Anything else cannot be one. */
const PATH_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Files in an actor folder that remember the actor's id per API base: the dev loop's and deploy's. */
const RECORD_FILES = ['dev.json', 'deploy.json'];

async function getOrNull(client: ActorsClient, id: string): Promise<Actor | null> {
  try {
    return await client.get(id);
  } catch (error) {
    // 404: no such actor or alias. 400: the service refused the path (not an id it accepts). Either way, not this.
    if (error instanceof ActorsApiError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CommandError(`${path} could not be read: ${(error as Error).message}; fix or delete it`, {
      cause: error,
    });
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** An actor folder: the id recorded for this API by `actorkit dev` or `actorkit deploy`, and its actor.json name. */
async function fromFolder(
  client: ActorsClient,
  dir: string,
): Promise<{ actor: Actor | null; name: string | null }> {
  for (const file of RECORD_FILES) {
    const records = (await readJson(join(dir, '.actorkit', file))) as Record<
      string,
      { actorId?: string }
    > | null;
    const id = records?.[client.baseUrl]?.actorId;
    const actor = id ? await getOrNull(client, id) : null;
    if (actor) return { actor, name: actor.name };
  }
  const config = (await readJson(join(dir, 'actor.json'))) as { name?: unknown } | null;
  if (!config) return { actor: null, name: null };
  return { actor: null, name: typeof config.name === 'string' ? config.name : basename(resolve(dir)) };
}

/**
 * Finds the actor a user means by `ref`: an actor id, then an alias, then an actor folder (the id `actorkit dev` or
 * `actorkit deploy` recorded for this API, else its actor.json name), then the one actor whose name is `ref`.
 */
export async function resolveActor(client: ActorsClient, ref: string): Promise<Actor> {
  if (PATH_ID.test(ref) && ref !== '.' && ref !== '..') {
    const byId = await getOrNull(client, ref);
    if (byId) return byId;
  }
  let name = ref;
  if (await isDirectory(ref)) {
    const folder = await fromFolder(client, ref);
    if (folder.actor) return folder.actor;
    if (folder.name) name = folder.name;
  }
  const named = (await client.list(1000, 0)).filter((a) => a.name === name);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) {
    const ids = named.map((a) => `${a.id} (${a.status}, created ${a.createTime || '?'})`).join(', ');
    throw new CommandError(`${named.length} actors are named "${name}": ${ids}; give the id instead`);
  }
  throw new CommandError(
    `no actor with the id, alias or name "${ref}" at ${client.baseUrl}; list them with \`actorkit actors\`, or register one with \`actorkit dev <dir>\` or \`actorkit deploy <dir>\``,
  );
}
