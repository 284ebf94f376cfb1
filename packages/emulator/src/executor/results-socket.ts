import { chmod, rm } from 'node:fs/promises';
import createDebug from 'debug';
import { MAX_RESULT_BYTES } from '@actorkit/api';
import { bindDatagramSocket, closeFd, receiveDatagram } from './libc.js';

const debug = createDebug('actorkit:executor:results');

/** One receive buffer for every socket: draining is synchronous, so it is never shared by two reads at once. */
const receiveBuffer = Buffer.alloc(MAX_RESULT_BYTES + 1);
/** Datagrams taken per drain before yielding to the event loop. */
const MAX_PER_DRAIN = 256;

export interface ResultsSocketOptions {
  /** Where to bind; at most 107 bytes (a Unix socket path). */
  path: string;
  /** One datagram, whole, in order of arrival. */
  onResult(bytes: Uint8Array): void;
  /** A datagram larger than MAX_RESULT_BYTES arrived (a sender that did not cap its size): it is dropped. */
  onOversize(bytes: number): void;
  /** How often to look for datagrams while open (default 10 ms). */
  pollMs?: number;
}

/**
 * The results socket of one execution: a Unix SOCK_DGRAM socket, one datagram one result. Node offers no readiness
 * events for such a socket, so it is polled (non-blocking recv, every `pollMs`, until nothing waits) and drained
 * once more on close: a result sent before the process exited is never lost. Writable by any user (0666), so a
 * container running as a non-root user can send.
 */
export class ResultsSocket {
  private readonly timer: NodeJS.Timeout;
  private fd: number | null;
  received = 0;

  private constructor(
    private readonly options: ResultsSocketOptions,
    fd: number,
  ) {
    this.fd = fd;
    this.timer = setInterval(() => this.drain(), options.pollMs ?? 10);
    this.timer.unref();
  }

  static async open(options: ResultsSocketOptions): Promise<ResultsSocket> {
    await rm(options.path, { force: true });
    const fd = bindDatagramSocket(options.path);
    const socket = new ResultsSocket(options, fd);
    try {
      await chmod(options.path, 0o666);
    } catch (error) {
      await socket.close();
      throw error;
    }
    debug('results socket at %s (fd %d)', options.path, fd);
    return socket;
  }

  get path(): string {
    return this.options.path;
  }

  /** Takes every datagram waiting now; answers how many. */
  drain(): number {
    let taken = 0;
    while (this.fd !== null && taken < MAX_PER_DRAIN) {
      let n: number;
      try {
        n = receiveDatagram(this.fd, receiveBuffer);
      } catch (error) {
        debug('receiving on %s failed, no more results: %O', this.options.path, error);
        clearInterval(this.timer);
        return taken;
      }
      if (n < 0) break;
      taken += 1;
      if (n > MAX_RESULT_BYTES) {
        debug('dropped a %d-byte datagram on %s', n, this.options.path);
        this.options.onOversize(n);
        continue;
      }
      this.received += 1;
      this.options.onResult(new Uint8Array(receiveBuffer.subarray(0, n)));
    }
    return taken;
  }

  /** Drains what is left, closes the socket and removes its file. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.fd === null) return;
    while (this.drain() === MAX_PER_DRAIN) {
      // a full batch: there may be more waiting
    }
    const fd = this.fd;
    this.fd = null;
    closeFd(fd);
    await rm(this.options.path, { force: true });
  }
}
