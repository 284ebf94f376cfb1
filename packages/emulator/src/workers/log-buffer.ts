import type { Store } from '../store/store.js';

/**
 * Gathers an execution's log chunks and writes them to the store in batches (every `flushMs`, or sooner past
 * `maxBytes`), so a container that floods its output costs a few writes, not one per line. Logs stay readable
 * while the execution runs, at most `flushMs` behind.
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

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.size === 0) return;
    const batch = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    this.store.appendLog(this.executionId, batch);
  }
}
