import { close, fsync, open } from 'node:fs';
import { promisify } from 'node:util';
import createDebug from 'debug';
import type { Db } from './db.js';

const debug = createDebug('actorkit:emulator:store');

const openAsync = promisify(open);
const fsyncAsync = promisify(fsync);

/**
 * Group commit for the store: transactions commit without waiting for the disk (WAL, synchronous=NORMAL), and
 * `flush()` makes every change committed so far durable with one fsync of the WAL file, run off the event loop.
 * Callers that arrive while an fsync is under way share the next one, so a burst of requests costs a few fsyncs,
 * not one each, and the event loop never blocks on the disk. The API answers a request only after its flush (see
 * http/durable-answers.ts): an acknowledged write survives a crash or a power loss, as with synchronous=FULL.
 */
export class WalFlusher {
  private readonly totalChanges: () => number;
  private fd: Promise<number> | null = null;
  private synced = 0;
  private inFlight: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    db: Db,
    private readonly walPath: string,
  ) {
    const statement = db.prepare('SELECT total_changes() AS n');
    this.totalChanges = () => (statement.get() as { n: number }).n;
  }

  /** Resolves once every change committed before the call is on disk. */
  flush(): Promise<void> {
    if (this.totalChanges() <= this.synced) return Promise.resolve();
    if (this.inFlight === null) {
      this.inFlight = this.syncNow().finally(() => (this.inFlight = null));
      return this.inFlight;
    }
    // The fsync under way may have started before these changes were written: they ride on the next one.
    this.next ??= this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.flush();
      });
    return this.next;
  }

  private async syncNow(): Promise<void> {
    this.fd ??= openAsync(this.walPath, 'r+');
    const fd = await this.fd;
    const covered = this.totalChanges(); // written to the WAL file (not yet synced) by now
    await fsyncAsync(fd);
    this.synced = Math.max(this.synced, covered);
  }

  /** Closes the WAL file handle (the store is closing). */
  close(): void {
    void this.fd?.then(
      (fd) => close(fd, (error) => error && debug('closing the WAL file: %O', error)),
      (error: unknown) => debug('the WAL file was never opened: %O', error),
    );
    this.fd = null;
  }
}
