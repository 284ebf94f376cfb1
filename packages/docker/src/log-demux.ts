export type LogStreamName = 'stdout' | 'stderr';

const HEADER_BYTES = 8;

/**
 * Splits Docker's multiplexed attach stream (frames of an 8-byte header, [stream, 0, 0, 0, size32be], then the
 * payload) into stdout and stderr chunks as they arrive. A payload is passed on in the pieces the socket delivers,
 * without waiting for the whole frame: nothing is held back but up to 8 bytes of a header. A stream that is not
 * multiplexed (a TTY container) is passed through as stdout.
 */
export class LogDemuxer {
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerFill = 0;
  private remaining = 0;
  private current: LogStreamName = 'stdout';
  private raw = false;

  constructor(private readonly onChunk: (stream: LogStreamName, bytes: Uint8Array) => void) {}

  push(chunk: Uint8Array): void {
    if (this.raw) {
      if (chunk.length > 0) this.onChunk('stdout', chunk);
      return;
    }
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.onChunk(this.current, chunk.subarray(offset, offset + take));
        this.remaining -= take;
        offset += take;
        continue;
      }
      const take = Math.min(HEADER_BYTES - this.headerFill, chunk.length - offset);
      this.header.set(chunk.subarray(offset, offset + take), this.headerFill);
      this.headerFill += take;
      offset += take;
      if (this.headerFill < HEADER_BYTES) return;
      this.headerFill = 0;
      const kind = this.header[0];
      if ((kind !== 0 && kind !== 1 && kind !== 2) || this.header[1] || this.header[2] || this.header[3]) {
        this.raw = true;
        this.onChunk('stdout', Buffer.concat([this.header, chunk.subarray(offset)]));
        return;
      }
      this.current = kind === 2 ? 'stderr' : 'stdout';
      this.remaining = this.header.readUInt32BE(4);
    }
  }
}
