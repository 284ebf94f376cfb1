import type { MessageContentType } from '@actorkit/api';
import type { Mailbox } from '@actorkit/emulator';

/** A message as it was queued on an actor: what `messagesSent` reports. */
export interface RecordedMessage {
  /** Position in the recorder: strictly increasing. */
  seq: number;
  actorId: string;
  executionId: string;
  contentType: MessageContentType;
  body: Uint8Array;
  env: Record<string, string>;
}

const MAX_MESSAGES = 10_000;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Keeps the messages an emulator's mailbox queues, oldest dropped first (at most 10,000 messages or 64 MiB), so the
 * container tier can read what an execution sent to other actors: the stored message is deleted once it has run.
 */
export class MessageRecorder {
  private readonly messages: RecordedMessage[] = [];
  private bytes = 0;
  private seq = 0;
  private readonly listener: (event: { actorId: string; executionId: string }) => void;

  constructor(private readonly mailbox: Mailbox) {
    // Called synchronously by Mailbox.send, before any worker can claim the message.
    this.listener = ({ actorId, executionId }) => {
      const queued = mailbox.queued(actorId).find((m) => m.executionId === executionId);
      if (queued)
        this.add({
          actorId,
          executionId,
          contentType: queued.contentType,
          body: queued.body,
          env: queued.env,
        });
    };
    mailbox.on('message', this.listener);
  }

  private add(message: Omit<RecordedMessage, 'seq'>): void {
    this.seq += 1;
    this.messages.push({ ...message, body: new Uint8Array(message.body), seq: this.seq });
    this.bytes += message.body.byteLength;
    while (this.messages.length > MAX_MESSAGES || this.bytes > MAX_BYTES) {
      this.bytes -= this.messages.shift()?.body.byteLength ?? 0;
    }
  }

  /** The position of the last message recorded. */
  get cursor(): number {
    return this.seq;
  }

  /** Messages recorded after `after` (a cursor) on the given actors, in order. */
  since(after: number, actorIds: ReadonlySet<string>): RecordedMessage[] {
    return this.messages.filter((m) => m.seq > after && actorIds.has(m.actorId));
  }

  close(): void {
    this.mailbox.off('message', this.listener);
  }
}
