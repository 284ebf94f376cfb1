import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ActorsApiError, type Actor, type ActorRequest, type ActorsClient } from '@actorkit/api';
import type { ActorProject } from '@actorkit/project';
import { CommandError } from '../command-error.js';
import { actorRequest } from '../dev/actor-sync.js';

/** `.actorkit/deploy.json`: the actor deploy registered, per API base. */
type DeployRecords = Record<string, { actorId: string; image: string; deployedAt: string }>;

export interface Registration {
  actor: Actor;
  created: boolean;
  previous: Actor | null;
}

/** What deploy registers: actor.json alone — none of the dev loop's local settings (mounts, process command). */
export function deployRequest(project: ActorProject, image: string): ActorRequest {
  return { ...actorRequest(project, {}), image };
}

async function readRecords(file: string): Promise<DeployRecords> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DeployRecords;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CommandError(`${file} could not be read (${(error as Error).message}); fix or delete it`, {
      cause: error,
    });
  }
}

async function getOrNull(client: ActorsClient, id: string): Promise<Actor | null> {
  try {
    return await client.get(id);
  } catch (error) {
    if (error instanceof ActorsApiError && error.status === 404) return null;
    throw error;
  }
}

/** The actor to update: --actor-id, else the one recorded for this API, else the caller's one actor of that name. */
async function findExisting(
  client: ActorsClient,
  project: ActorProject,
  records: DeployRecords,
  actorId?: string,
): Promise<Actor | null> {
  if (actorId) {
    const actor = await getOrNull(client, actorId);
    if (!actor)
      throw new CommandError(
        `--actor-id ${actorId}: no such actor at ${client.baseUrl}; leave it out to find or create the actor by name`,
      );
    return actor;
  }
  const recorded = records[client.baseUrl]?.actorId;
  const actor = recorded ? await getOrNull(client, recorded) : null;
  if (actor) return actor;
  const name = project.config.name;
  const named = (await client.list(1000, 0)).filter((a) => a.name === name);
  if (named.length > 1) {
    const ids = named.map((a) => `${a.id} (owner ${a.owner || '?'})`).join(', ');
    throw new CommandError(
      `${named.length} actors named "${name}" at ${client.baseUrl}: ${ids}; pick one with --actor-id <id>`,
    );
  }
  return named[0] ?? null;
}

/** Registers the actor, or updates it (force: workers restart on the new image). Remembers its id per API. */
export async function registerOrUpdate(
  client: ActorsClient,
  project: ActorProject,
  request: ActorRequest,
  o: { actorId?: string; now: Date },
): Promise<Registration> {
  const file = join(project.dir, '.actorkit', 'deploy.json');
  const records = await readRecords(file);
  const previous = await findExisting(client, project, records, o.actorId);
  if (previous && previous.stateless !== (request.stateless ?? true)) {
    const was = previous.stateless ? 'stateless' : 'stateful';
    throw new CommandError(
      `actor ${previous.id} is ${was} on ${client.baseUrl}, and actor.json says otherwise; the service cannot change that in place: ` +
        'delete that actor (or deploy with a new name) and deploy again',
    );
  }
  const actor = previous
    ? await client.update(previous.id, { ...request, force: true })
    : await client.add(request);
  records[client.baseUrl] = {
    actorId: actor.id,
    image: String(request.image),
    deployedAt: o.now.toISOString(),
  };
  await mkdir(join(project.dir, '.actorkit'), { recursive: true });
  await writeFile(file, `${JSON.stringify(records, null, 2)}\n`);
  return { actor, created: !previous, previous };
}
