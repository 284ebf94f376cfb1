import { format } from 'node:util';
import type {
  ActorMessageResponse,
  ActorNonce,
  PermissionLevel,
  MessageBody,
  MessageEnvironment,
} from '@actorkit/api';
import { readContext, type ActorContext } from './context.js';
import { apiSettings } from './credentials.js';
import { BinaryMessageError } from './errors.js';
import type { ActorsApi, Platform } from './platform.js';
import { encodeResult, type ResultValue } from './result-encoding.js';

/** What `createNonce` takes: the level the nonce grants (default EXECUTE) and how often it may be used (-1: always). */
export interface NonceOptions {
  level?: PermissionLevel;
  /** -1 (the default) for unlimited, or a positive number of uses. */
  maxUses?: number;
  description?: string;
}

/**
 * One execution as the runtime sees it: its platform, and what is read once and kept (the context, the API client,
 * the binary message). `defineActor` makes one per run; the free functions use the current one.
 */
export class Execution {
  private cachedContext: ActorContext | undefined;
  private client: ActorsApi | undefined;
  private binaryMessage: Promise<Uint8Array> | undefined;
  resultsSent = 0;
  stateStored = false;

  constructor(readonly platform: Platform) {}

  context(): ActorContext {
    this.cachedContext ??= readContext(this.platform.env);
    return this.cachedContext;
  }

  private api(): ActorsApi {
    this.client ??= this.platform.createClient(apiSettings(this.platform.env));
    return this.client;
  }

  binary(): Promise<Uint8Array> {
    this.binaryMessage ??= (async () => {
      const { contentType } = this.context();
      if (contentType !== 'application/octet-stream') {
        throw new BinaryMessageError(
          `the message is not binary: its content type is ${contentType}. Read it with getContext().message, or send it as application/octet-stream`,
        );
      }
      return this.platform.readBinary();
    })();
    return this.binaryMessage;
  }

  async sendResult(value: ResultValue): Promise<void> {
    await this.platform.sendResult(encodeResult(value));
    this.resultsSent++;
  }

  async updateState(value: unknown): Promise<void> {
    await this.api().updateState(this.context().actorId, value);
    this.stateStored = true;
  }

  sendMessage(
    actorIdOrAlias: string,
    message: MessageBody | Uint8Array,
    environment: MessageEnvironment = {},
  ): Promise<ActorMessageResponse> {
    return message instanceof Uint8Array
      ? this.api().sendBinaryMessage(actorIdOrAlias, message, environment)
      : this.api().sendMessage(actorIdOrAlias, message, environment);
  }

  createNonce(options: NonceOptions = {}): Promise<ActorNonce> {
    return this.api().addNonce(this.context().actorId, options);
  }

  listNonces(): Promise<ActorNonce[]> {
    return this.api().listNonces(this.context().actorId);
  }

  async deleteNonce(nonceId: string): Promise<void> {
    await this.api().deleteNonce(this.context().actorId, nonceId);
  }

  log(...parts: unknown[]): void {
    this.platform.log.write('stdout', `${format(...parts)}\n`);
  }
}
