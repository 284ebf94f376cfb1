import createDebug from 'debug';
import { utf8Boundary } from '../domain/utf8.js';
import { isDiskFull } from '../store/disk-full.js';
import { LOG_CAP_BYTES } from '../store/logs-store.js';
import type { Store } from '../store/store.js';

const debug = createDebug('actorkit:workers');

/** While the disk is full, how often a held batch is tried again. */
const FULL_RETRY_MS = 500;

/** Written in the log where output was dropped because the disk was full (and more than could be held came). */
export function droppedLogNote(bytes: number): string {
  return `\n[actorkit] ${bytes.toLocaleString('en-US')} bytes of log output were dropped here: the disk was full\n`;
}

/**
 * Gathers an execution's log chunks and writes them to the store in batches (every `flushMs`, or sooner past
 * `maxBytes`), so a container that floods its output costs a few writes, not one per line. Logs stay readable
 * while the execution runs, at most `flushMs` behind. A character split between chunks is never split between
 * writes: its first bytes wait for the rest (the store keeps text, and half a character would not decode).
 *
 * When the disk is full, the batch is kept and tried again every half second; up to `holdBytes` are held (the
 * store keeps no more of one log anyway), what comes past that is counted and a note says so in the log. Nothing
 * here throws from a timer or a stream handler.
 */
export class LogBuffer {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The last write found the disk full. */
  private full = false;
  /** Bytes dropped while the disk was full, not yet noted in the log. */
  private dropped = 0;

  constructor(
    private readonly store: Store,
    private readonly executionId: string,
    private readonly flushMs = 50,
    private readonly maxBytes = 256 * 1024,
    private readonly holdBytes = LOG_CAP_BYTES,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.full && this.size + chunk.byteLength > this.holdBytes) {
      this.dropped += chunk.byteLength;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    if (this.size >= this.maxBytes && !this.full) this.flushSafely();
    else this.timer ??= setTimeout(() => this.flushSafely(), this.full ? FULL_RETRY_MS : this.flushMs);
  }

  /**
   * Writes what has come; `final` (the execution has ended) writes an incomplete last character too. Throws what
   * the store threw (a full disk: `isDiskFull`), keeping every byte to write at the next call.
   */
  flush(final = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.size === 0 && this.dropped === 0) return;
    const all = Buffer.concat(this.chunks, this.size);
    const cut = final || this.dropped > 0 ? all.length : utf8Boundary(all);
    if (cut === 0) return;
    const head = all.subarray(0, cut);
    try {
      this.store.appendLog(
        this.executionId,
        this.dropped > 0 ? Buffer.concat([head, Buffer.from(droppedLogNote(this.dropped))]) : head,
      );
    } catch (error) {
      this.full = isDiskFull(error);
      this.chunks = [all]; // kept whole for the next try
      throw error;
    }
    this.full = false;
    this.dropped = 0;
    const rest = all.subarray(cut);
    this.chunks = rest.length > 0 ? [Buffer.from(rest)] : []; // a copy: the batch need not stay alive
    this.size = rest.length;
  }

  /** `flush` from a timer or a stream handler: a full disk is tried again later; anything else drops the batch. */
  private flushSafely(): void {
    try {
      this.flush();
    } catch (error) {
      if (isDiskFull(error) && this.store.isOpen) {
        this.timer ??= setTimeout(() => this.flushSafely(), FULL_RETRY_MS);
        return;
      }
      debug('the log of %s could not be written, %d bytes dropped: %O', this.executionId, this.size, error);
      this.chunks = [];
      this.size = 0;
      this.dropped = 0;
    }
  }
}
