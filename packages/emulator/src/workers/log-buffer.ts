import { utf8Boundary } from '../domain/utf8.js';
import type { Store } from '../store/store.js';

/**
 * Gathers an execution's log chunks and writes them to the store in batches (every `flushMs`, or sooner past
 * `maxBytes`), so a container that floods its output costs a few writes, not one per line. Logs stay readable
 * while the execution runs, at most `flushMs` behind. A character split between chunks is never split between
 * writes: its first bytes wait for the rest (the store keeps text, and half a character would not decode).
 */
export class LogBuffer {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly executionId: string,
    private readonly flushMs = 50,
    private readonly maxBytes = 256 * 1024,
  ) {}

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    if (this.size >= this.maxBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  /** Writes what has come; `final` (the execution has ended) writes an incomplete last character too. */
  flush(final = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.size === 0) return;
    const all = Buffer.concat(this.chunks, this.size);
    const cut = final ? all.length : utf8Boundary(all);
    const rest = all.subarray(cut);
    this.chunks = rest.length > 0 ? [Buffer.from(rest)] : []; // a copy: the batch need not stay alive
    this.size = rest.length;
    if (cut > 0) this.store.appendLog(this.executionId, all.subarray(0, cut));
  }
}
