import { connect, type Socket } from 'node:net';

type DapMessage = { seq: number; type: string } & Record<string, unknown>;

/**
 * A Debug Adapter Protocol client over TCP (what VS Code speaks to debugpy): requests by sequence number, events
 * awaited by name. Connects once the adapter listens, retrying while the container starts.
 */
export class DapClient implements AsyncDisposable {
  private seq = 1;
  private buffer = Buffer.alloc(0);
  private readonly responses = new Map<number, (m: DapMessage) => void>();
  private readonly events: DapMessage[] = [];
  private waiters: { event: string; resolve: (m: DapMessage) => void }[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as DapMessage;
        this.buffer = this.buffer.subarray(end + 4 + length);
        if (message.type === 'response') this.responses.get(message.request_seq as number)?.(message);
        else if (message.type === 'event') {
          this.events.push(message);
          this.waiters = this.waiters.filter((w) =>
            w.event === message.event ? (w.resolve(message), false) : true,
          );
        }
      }
    });
  }

  static async connect(port: number, timeoutMs = 60_000): Promise<DapClient> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
          s.once('error', reject);
        });
        return new DapClient(socket);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Sends a request; resolves with its response (rejects when it failed). */
  request(command: string, args: Record<string, unknown> = {}): Promise<DapMessage> {
    const seq = this.seq++;
    const body = JSON.stringify({ seq, type: 'request', command, arguments: args });
    return new Promise((resolve, reject) => {
      this.responses.set(seq, (m) =>
        m.success ? resolve(m) : reject(new Error(`${command}: ${String(m.message)}`)),
      );
      this.socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  /** The first event of that name, already seen or yet to come, within `ms`. */
  event(name: string, ms = 30_000): Promise<DapMessage> {
    const seen = this.events.find((e) => e.event === name);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${name} event within ${ms} ms`)), ms);
      this.waiters.push({ event: name, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.socket.destroy();
  }
}
