import type { MessageContentType } from '@actorkit/api';
import { ContainerTierError } from './errors.js';
import type { RecordedMessage } from './message-recorder.js';

type WireMessage = Omit<RecordedMessage, 'body'> & { body: string };

/** Reads the recorder of an emulator started by @actorkit/testing, from any worker. */
export class RecorderClient {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  private async get<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    } catch (cause) {
      throw new ContainerTierError(
        `the message recorder at ${this.url} does not answer: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    if (!response.ok) {
      throw new ContainerTierError(
        `the message recorder answered ${response.status} to ${path}: ${await response.text()}`,
      );
    }
    return (await response.json()) as T;
  }

  async cursor(): Promise<number> {
    return (await this.get<{ cursor: number }>('/cursor')).cursor;
  }

  async since(after: number, actorIds: string[]): Promise<RecordedMessage[]> {
    const query = new URLSearchParams([
      ['after', String(after)],
      ...actorIds.map((id): [string, string] => ['actor', id]),
    ]);
    const { messages } = await this.get<{ messages: WireMessage[] }>(`/messages?${query}`);
    return messages.map((m) => ({
      ...m,
      contentType: m.contentType as MessageContentType,
      body: new Uint8Array(Buffer.from(m.body, 'base64')),
    }));
  }
}
