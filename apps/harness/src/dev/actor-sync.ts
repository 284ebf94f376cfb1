import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ActorsApiError, type Actor, type ActorRequest, type ActorsClient } from '@actorkit/api';
import type { ActorProject } from '@actorkit/project';

/**
 * Settings in the actor's defaultEnvironment that only the emulator reads (its `LOCAL_SETTINGS`), named here so the
 * dev loop need not load the emulator to speak of them: the binds of fresh code into each container, and the
 * command a container runs instead of its image's CMD.
 */
export const LOCAL_DEV_MOUNTS = 'ACTORKIT_DEV_MOUNTS';
export const LOCAL_DEV_COMMAND = 'ACTORKIT_DEV_COMMAND';

/** Where the dev loop remembers which actor it registered on which emulator. */
interface DevRecord {
  [apiBase: string]: { actorId: string };
}

export interface ActorRegistration {
  actor: Actor;
  created: boolean;
  /** False when the registration already matched: nothing was sent. */
  changed: boolean;
  ms: number;
}

/** What the actor is registered with: actor.json, plus how the emulator gets fresh code into each container. */
export function actorRequest(project: ActorProject, localEnv: Record<string, string>): ActorRequest {
  const c = project.config;
  return {
    image: project.image,
    name: c.name,
    description: c.description,
    stateless: c.stateless,
    defaultEnvironment: { ...c.defaultEnvironment, ...localEnv },
    hints: c.hints,
    token: c.token,
    ...(c.maxWorkers && c.stateless ? { maxWorkers: c.maxWorkers } : {}),
  };
}

/**
 * Registers the actor on the emulator the first time, and updates it afterwards (with `force` when its image was
 * rebuilt, so workers restart on the new image). The actor's id is remembered per emulator in `.actorkit/dev.json`.
 */
export class ActorSync {
  private readonly file: string;

  constructor(
    private readonly project: ActorProject,
    private readonly client: ActorsClient,
  ) {
    this.file = join(project.dir, '.actorkit', 'dev.json');
  }

  private async records(): Promise<DevRecord> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as DevRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  private async existing(): Promise<Actor | null> {
    const id = (await this.records())[this.client.baseUrl]?.actorId;
    if (!id) return null;
    try {
      return await this.client.get(id);
    } catch (error) {
      if (error instanceof ActorsApiError && error.status === 404) return null;
      throw error;
    }
  }

  async sync(request: ActorRequest, imageRebuilt: boolean): Promise<ActorRegistration> {
    const started = performance.now();
    const current = await this.existing();
    let actor: Actor;
    if (!current) {
      actor = await this.client.add(request);
    } else if (imageRebuilt || JSON.stringify(comparable(current)) !== JSON.stringify(comparable(request))) {
      if (current.stateless !== request.stateless) {
        await this.client.delete(current.id); // statefulness cannot change in place; start over
        actor = await this.client.add(request);
      } else {
        actor = await this.client.update(current.id, { ...request, force: imageRebuilt });
      }
    } else {
      return { actor: current, created: false, changed: false, ms: Math.round(performance.now() - started) };
    }
    const records = await this.records();
    records[this.client.baseUrl] = { actorId: actor.id };
    await mkdir(join(this.project.dir, '.actorkit'), { recursive: true });
    await writeFile(this.file, JSON.stringify(records, null, 2));
    return {
      actor,
      created: !current || current.id !== actor.id,
      changed: true,
      ms: Math.round(performance.now() - started),
    };
  }

  /** Polls until the actor is READY or ERROR (or the deadline passes). */
  async waitReady(actorId: string, signal: AbortSignal, timeoutMs = 60_000): Promise<Actor> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const actor = await this.client.get(actorId);
      if (actor.status === 'READY' || actor.status === 'ERROR' || Date.now() > deadline) return actor;
      signal.throwIfAborted();
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

function comparable(a: ActorRequest | Actor) {
  return {
    image: a.image,
    description: a.description ?? '',
    stateless: a.stateless ?? true,
    defaultEnvironment: a.defaultEnvironment ?? {},
    hints: a.hints ?? [],
    token: a.token ?? true,
  };
}
