import { EventEmitter } from 'node:events';
import type { MessageContentType } from '@actorkit/api';
import { isoNow } from '../domain/clock.js';
import { newId } from '../domain/ids.js';
import type { ActorRecord, ExecutionRecord, QueuedMessage } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface OutgoingMessage {
  actor: ActorRecord;
  /** Who sent it: the execution's `executor`. */
  sender: string;
  contentType: MessageContentType;
  body: Buffer;
  /** The message's query parameters, which become environment variables of its execution. */
  env: Record<string, string>;
}

export interface MessageQueuedEvent {
  actorId: string;
  executionId: string;
}

export const PURGED_MESSAGE = 'the message was purged from the mailbox before it ran';

interface HeldMessage {
  message: OutgoingMessage;
  execution: ExecutionRecord;
  resolve: (execution: ExecutionRecord) => void;
  reject: (error: unknown) => void;
}

/**
 * One FIFO mailbox per actor, kept in the store. `send` creates the execution (SUBMITTED) and queues the message in
 * one transaction, then emits `message`; `post` does the same for the messages that arrive in one turn of the event
 * loop together, in one transaction (the API's sends: under load, one commit for many). Workers `claim` (or `next`,
 * which waits) the oldest message; the store's `finish` drops it once its execution has ended. With no worker,
 * messages stay queued and executions SUBMITTED.
 */
export class Mailbox extends EventEmitter<{ message: [MessageQueuedEvent] }> {
  private held: HeldMessage[] = [];

  constructor(private readonly store: Store) {
    super();
    this.setMaxListeners(0);
    // Any other write first commits what is held: a delete or a purge after a post sees its message.
    store.beforeEachTransaction(() => this.commitHeld());
  }

  send(m: OutgoingMessage): ExecutionRecord {
    const execution = this.newExecution(m);
    this.store.transaction(() => this.insert(m, execution));
    this.emit('message', { actorId: m.actor.id, executionId: execution.id });
    return execution;
  }

  /**
   * `send`, batched: the message is committed with the others posted in the same turn of the event loop (or before
   * any other write, whichever comes first), in order. Resolves with its execution once committed; rejects when
   * its own insert failed (a batch that fails is retried message by message, so one bad message fails alone).
   */
  post(m: OutgoingMessage): Promise<ExecutionRecord> {
    const execution = this.newExecution(m);
    return new Promise((resolve, reject) => {
      this.held.push({ message: m, execution, resolve, reject });
      if (this.held.length === 1) setImmediate(() => this.commitHeld());
    });
  }

  private commitHeld(): void {
    if (this.held.length === 0) return;
    const batch = this.held;
    this.held = [];
    let committed = batch;
    try {
      this.store.transaction(() => {
        for (const h of batch) this.insert(h.message, h.execution);
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      committed = batch.filter((h) => {
        try {
          this.store.transaction(() => this.insert(h.message, h.execution));
          return true;
        } catch (own) {
          h.reject(own);
          return false;
        }
      });
    }
    for (const h of committed) {
      this.emit('message', { actorId: h.message.actor.id, executionId: h.execution.id });
      h.resolve(h.execution);
    }
  }

  private newExecution(m: OutgoingMessage): ExecutionRecord {
    return {
      id: newId(),
      actorId: m.actor.id,
      owner: m.actor.owner,
      workerId: null,
      executor: m.sender,
      status: 'SUBMITTED',
      statusMessage: '',
      exitCode: null,
      finalState: null,
      messageReceivedTime: isoNow(this.store.clock),
      startTime: null,
      finishTime: null,
      runtime: 0,
      cpu: 0,
      io: 0,
    };
  }

  private insert(m: OutgoingMessage, execution: ExecutionRecord): void {
    this.store.executions.insert(execution);
    this.store.messages.insert({
      actorId: m.actor.id,
      executionId: execution.id,
      contentType: m.contentType,
      body: m.body,
      env: m.env,
      sender: m.sender,
      createTime: execution.messageReceivedTime ?? isoNow(this.store.clock),
    });
  }

  count(actorId: string): number {
    return this.store.messages.count(actorId);
  }

  /** The waiting messages, oldest first. */
  queued(actorId: string): QueuedMessage[] {
    return this.store.messages.queued(actorId);
  }

  /** Empties the mailbox; each purged message's execution becomes ERROR saying so. Answers how many. */
  purge(actorId: string): number {
    return this.store.transaction(() => {
      const ids = this.store.messages.purgeQueued(actorId);
      const finishTime = isoNow(this.store.clock);
      for (const id of ids)
        this.store.executions.update(id, { status: 'ERROR', statusMessage: PURGED_MESSAGE, finishTime });
      return ids.length;
    });
  }

  /** Takes the oldest waiting message for a worker (it stays stored until its execution finishes); null if none. */
  claim(actorId: string, workerId: string): QueuedMessage | null {
    return this.store.transaction(() => {
      const message = this.store.messages.claimOldest(actorId, workerId, isoNow(this.store.clock));
      if (message) this.store.executions.update(message.executionId, { workerId });
      return message;
    });
  }

  /** Waits for, and claims, the next message of an actor. Rejects with the signal's reason when aborted. */
  async next(actorId: string, workerId: string, signal: AbortSignal): Promise<QueuedMessage> {
    for (;;) {
      signal.throwIfAborted();
      const message = this.claim(actorId, workerId);
      if (message) return message;
      try {
        await waitForActor(this, actorId, signal);
      } catch (cause) {
        if (signal.aborted) throw signal.reason;
        throw cause;
      }
    }
  }

  /** At start-up: messages claimed by workers of a previous run go back to their queues. */
  releaseClaims(): number {
    return this.store.messages.releaseClaims();
  }
}

/**
 * Resolves at the next `message` event for the actor. One listener stays attached until then: events for other
 * actors do not detach it, so a burst emitted in one go (a batch commit) cannot slip past between two waits.
 */
function waitForActor(mailbox: Mailbox, actorId: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const stop = () => {
      mailbox.off('message', onMessage);
      signal.removeEventListener('abort', onAbort);
    };
    const onMessage = (event: MessageQueuedEvent) => {
      if (event.actorId !== actorId) return;
      stop();
      resolve();
    };
    const onAbort = () => {
      stop();
      reject(signal.reason);
    };
    mailbox.on('message', onMessage);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
