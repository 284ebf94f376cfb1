import type { MessageContentType, PermissionLevel } from '@actorkit/api';
import type { ActorsApi } from '@actorkit/runtime';

/** What to run an actor with. Everything is optional; defaults describe a plausible execution. */
export interface InvokeOptions {
  /**
   * The message: a string is sent as `str`; any other JSON value as `application/json`, written into MSG as the
   * Python literal the real service writes (or JSON with `messageFormat: 'json'`). Default: the empty str message.
   */
  message?: unknown;
  /** A binary message (application/octet-stream), read through getBinaryMessage(). Excludes `message`. */
  binary?: Uint8Array;
  /** Forces the content type, e.g. `application/json` for a message that is a JSON string. */
  contentType?: MessageContentType;
  /** How MSG and the state are written: `python` (the real service) or `json` (ACTORKIT_MESSAGE_FORMAT=json). */
  messageFormat?: 'python' | 'json';
  /** The state the execution starts with (a JSON value). Default `{}`. */
  state?: unknown;
  /** The actor is stateless: storing state fails as on the real service. Default false. */
  stateless?: boolean;
  /** The user's variables: defaultEnvironment and the message's query parameters. */
  env?: Record<string, string | number | boolean>;
  /** Raw variables applied last, over everything (undefined removes one): for testing a broken environment. */
  rawEnv?: Record<string, string | undefined>;
  actorId?: string;
  actorName?: string;
  executionId?: string;
  username?: string;
  /** The execution's token; `false` for an actor registered with `token: false` (API calls then fail). */
  token?: string | false;
  /** The actor configs the execution receives in `_actor_configs` (name to value, secrets in the clear). Default `{}`. */
  configs?: Record<string, string>;
  /** Nonces the actor already has when the execution starts. */
  nonces?: { id?: string; level?: PermissionLevel; maxUses?: number; description?: string }[];
  /** Replaces API operations, e.g. to make one fail: `{ sendMessage: async () => { throw ... } }`. */
  api?: Partial<ActorsApi>;
}
