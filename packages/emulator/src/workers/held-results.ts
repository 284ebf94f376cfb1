import createDebug from 'debug';
import { isDiskFull } from '../store/disk-full.js';
import type { Store } from '../store/store.js';

const debug = createDebug('actorkit:workers');

/** The most result bytes one execution holds in memory while the disk is full. */
export const HELD_RESULT_BYTES = 16 * 2 ** 20;

/** Written in the log when results were dropped because the disk was full (and more than could be held came). */
export function droppedResultsNote(count: number): Uint8Array {
  return Buffer.from(`[actorkit] ${count} result(s) were dropped: the disk was full\n`);
}

/**
 * An execution's results on their way to the store, in the order they came. While the disk is full they are held
 * (up to `maxBytes`; past that they are counted and the log says so) and written as soon as a write succeeds again,
 * at the latest by `drain` before the execution is recorded as ended. `push` never throws: it runs in the results
 * socket's handler.
 */
export class HeldResults {
  private held: Uint8Array[] = [];
  private bytes = 0;
  /** Results dropped, not yet noted. */
  private dropped = 0;

  constructor(
    private readonly store: Store,
    private readonly executionId: string,
    private readonly note: (text: Uint8Array) => void,
    private readonly maxBytes = HELD_RESULT_BYTES,
  ) {}

  push(bytes: Uint8Array): void {
    if (this.bytes + bytes.byteLength > this.maxBytes) this.dropped += 1;
    else {
      this.held.push(bytes);
      this.bytes += bytes.byteLength;
    }
    try {
      this.drain();
    } catch (error) {
      if (isDiskFull(error)) return; // held: tried again with the next result, and at the end
      debug('a result of %s could not be stored, dropped: %O', this.executionId, error);
      const lost = this.held.shift();
      this.bytes -= lost?.byteLength ?? 0;
    }
  }

  /** Writes every held result, oldest first. Throws what the store threw (a full disk), keeping the rest. */
  drain(): void {
    for (let next = this.held[0]; next; next = this.held[0]) {
      this.store.pushResult(this.executionId, next);
      this.held.shift();
      this.bytes -= next.byteLength;
    }
    if (this.dropped > 0) {
      this.note(droppedResultsNote(this.dropped));
      this.dropped = 0;
    }
  }
}
