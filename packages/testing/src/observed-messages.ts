import type { ActorsClient } from '@actorkit/api';
import type { SentMessage } from './invocation-result.js';
import type { RecordedMessage } from './message-recorder.js';
import type { RecorderClient } from './recorder-client.js';
import { ContainerTierError } from './errors.js';

const decoder = new TextDecoder();

function toSent(m: RecordedMessage): SentMessage {
  const message =
    m.contentType === 'application/octet-stream'
      ? m.body
      : m.contentType === 'str'
        ? decoder.decode(m.body)
        : (JSON.parse(decoder.decode(m.body)) as unknown);
  return {
    to: m.actorId,
    contentType: m.contentType,
    message,
    environment: m.env,
    executionId: m.executionId,
  };
}

/** Watches the actors named in `observe` for messages queued while one execution runs. */
export class MessageObserver {
  private constructor(
    private readonly recorder: RecorderClient,
    private readonly actorIds: string[],
    private readonly cursor: number,
  ) {}

  /** Resolves the ids and aliases, and notes where the recorder stands. */
  static async start(
    client: ActorsClient,
    recorder: RecorderClient | null,
    observe: string[],
  ): Promise<MessageObserver> {
    if (!recorder) {
      throw new ContainerTierError(
        '`observe` needs the message recorder of an emulator started by @actorkit/testing (startEmulator, ' +
          'withEmulator or emulatorGlobalSetup); this emulator connection has no recorderUrl',
      );
    }
    const ids = await Promise.all(observe.map(async (idOrAlias) => (await client.get(idOrAlias)).id));
    return new MessageObserver(recorder, ids, await recorder.cursor());
  }

  /** The messages queued on the observed actors since `start`, oldest first; `to` is the actor's id. */
  async sent(): Promise<SentMessage[]> {
    return (await this.recorder.since(this.cursor, this.actorIds)).map(toSent);
  }
}

/** `messagesSent` when nothing was observed: reading it says why it cannot be known, instead of a silent `[]`. */
export function unobservedMessages(target: object): void {
  Object.defineProperty(target, 'messagesSent', {
    enumerable: false,
    get() {
      throw new ContainerTierError(
        'messagesSent: the container tier sees messages to other actors only for the actors named in `observe` ' +
          '(e.g. tier.invoke({ message, observe: [targetActorId] })): an execution sends them as its owner, so the ' +
          'emulator cannot tell them from the test’s own',
      );
    },
  });
}
