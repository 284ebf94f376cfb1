import { execFile, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, open, rm, rmdir, statfs, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class TmpfsError extends Error {
  override readonly name = 'TmpfsError';
}

/**
 * A small tmpfs the scenario mounts itself (root only): a disk that can be filled in a moment without touching the
 * machine's own. `unmount` retries while something still holds it, then detaches it lazily; should the run be
 * interrupted (a signal, an exit) before, it is detached lazily then: it never stays mounted.
 */
export class Tmpfs {
  private readonly guard = () => {
    try {
      execFileSync('umount', ['-l', this.dir]);
      rmSync(this.dir, { recursive: true, force: true }); // the detached tmpfs is not under it any more
    } catch (error) {
      process.stderr.write(`could not unmount ${this.dir}: ${(error as Error).message}\n`);
    }
  };
  private readonly onSignal = (signal: NodeJS.Signals) => process.exit(signal === 'SIGINT' ? 130 : 143);

  private constructor(
    readonly dir: string,
    readonly sizeBytes: number,
  ) {
    process.once('exit', this.guard);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  static async mount(sizeMb: number): Promise<Tmpfs> {
    const dir = await mkdtemp(join(tmpdir(), 'akdf-'));
    try {
      await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir]);
    } catch (cause) {
      await rmdir(dir);
      throw new TmpfsError(`mount -t tmpfs on ${dir} failed: ${(cause as Error).message.trim()}`, { cause });
    }
    return new Tmpfs(dir, sizeMb * 2 ** 20);
  }

  /** Bytes still free on it. */
  async freeBytes(): Promise<number> {
    const s = await statfs(this.dir);
    return s.bavail * s.bsize;
  }

  async unmount(): Promise<string> {
    process.off('exit', this.guard);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        await run('umount', [this.dir]);
        await rmdir(this.dir);
        return 'unmounted';
      } catch (error) {
        void error; // busy (a container or process still holds a file): try again shortly
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    await run('umount', ['-l', this.dir]);
    await rm(this.dir, { recursive: true, force: true });
    return 'unmounted lazily (it was still busy)';
  }
}

/** A file that takes whatever space is left on its disk, and gives it back when removed. */
export class Filler {
  private handle: FileHandle | null = null;
  written = 0;

  constructor(readonly path: string) {}

  /** Writes until the disk says ENOSPC: big pieces first, then small ones for the last blocks. Answers bytes added. */
  async fill(): Promise<number> {
    this.handle ??= await open(this.path, 'a');
    const before = this.written;
    for (const size of [4 * 2 ** 20, 2 ** 16, 4096, 512]) {
      const piece = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          const { bytesWritten } = await this.handle.write(piece);
          this.written += bytesWritten;
          if (bytesWritten < size) break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
    return this.written - before;
  }

  /** Removes the file: the space returns. */
  async remove(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
    await rm(this.path, { force: true });
  }
}
