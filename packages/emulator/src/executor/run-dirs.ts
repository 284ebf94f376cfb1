import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import createDebug from 'debug';

const debug = createDebug('actorkit:executor:run-dirs');

/** Where executions keep their sockets, FIFOs and pid files unless told otherwise. */
export const DEFAULT_RUNTIME_DIR = join(tmpdir(), 'actorkit-run');
const OWNER_FILE = 'owner.json';

interface Owner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A directory name made of what an id may safely hold. */
export function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64) || '_';
}

/**
 * The run directories of one executor instance: `<root>/<instanceId>/<executionId>/`, and `owner.json` naming the
 * process that owns the instance, so a later emulator can tell a crashed instance's leftovers from a live one's.
 */
export class RunDirs {
  private claimed: Promise<void> | undefined;

  constructor(
    readonly root: string,
    readonly instanceId: string,
  ) {}

  get instanceDir(): string {
    return join(this.root, safeName(this.instanceId));
  }

  /** Makes the instance directory and records this process as its owner (once). */
  claim(): Promise<void> {
    this.claimed ??= (async () => {
      await mkdir(this.instanceDir, { recursive: true, mode: 0o700 });
      const owner: Owner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
      await writeFile(join(this.instanceDir, OWNER_FILE), JSON.stringify(owner));
    })();
    return this.claimed;
  }

  async create(executionId: string): Promise<string> {
    await this.claim();
    const dir = join(this.instanceDir, safeName(executionId));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  /** Removes the instance directory with everything in it. */
  async release(): Promise<void> {
    this.claimed = undefined;
    await rm(this.instanceDir, { recursive: true, force: true });
  }

  /** Whether an instance is owned by a live process on this host (its run directories are not leftovers). */
  async isInstanceAlive(instanceId: string): Promise<boolean> {
    if (instanceId === this.instanceId) return true;
    try {
      const owner = JSON.parse(
        await readFile(join(this.root, safeName(instanceId), OWNER_FILE), 'utf8'),
      ) as Owner;
      return owner.hostname === hostname() && isPidAlive(owner.pid);
    } catch (error) {
      debug(
        'instance %s has no readable owner, so it is not alive: %s',
        instanceId,
        (error as Error).message,
      );
      return false;
    }
  }

  /** The instance directories (other than this one) whose owner is gone. */
  async staleInstanceDirs(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const stale: string[] = [];
    for (const name of names) {
      if (name !== safeName(this.instanceId) && !(await this.isInstanceAlive(name)))
        stale.push(join(this.root, name));
    }
    return stale;
  }
}
