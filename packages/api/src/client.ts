import { z } from 'zod';
import { ActorListSchema, ActorSchema, type Actor, type ActorRequest } from './actor.js';
import { AliasListSchema, AliasSchema, type Alias, type AliasRequest } from './alias.js';
import {
  ConfigListSchema,
  ConfigSchema,
  type Config,
  type ConfigPermissions,
  type ConfigRequest,
} from './config.js';
import { executionUpdates, type ExecutionUpdatesOptions } from './execution-updates.js';
import {
  ExecutionLogsSchema,
  ExecutionSchema,
  ExecutionsSummarySchema,
  type AddExecutionRequest,
  type Execution,
  type ExecutionLogs,
  type ExecutionsSummary,
} from './execution.js';
import {
  ActorMessageResponseSchema,
  ActorMessagesSchema,
  MessagesPurgedSchema,
  type ActorMessageResponse,
  type ActorMessages,
  type MessagesPurged,
} from './message.js';
import { ActorNonceListSchema, ActorNonceSchema, type ActorNonce, type AddNonceRequest } from './nonce.js';
import { callPermissions, type ActorPermissions, type PermissionsUpdateRequest } from './permissions.js';
import { SearchResultSchema, type SearchResult, type SearchType } from './search.js';
import { ActorStateSchema, type ActorState } from './state.js';
import { Transport, type Query, type TransportOptions } from './transport.js';
import {
  ActorWorkerListSchema,
  ActorWorkerSchema,
  type ActorWorker,
  type AddWorkersRequest,
} from './worker.js';

export type ActorsClientOptions = TransportOptions;
/** Environment variables for one execution; they travel as query parameters. */
export type MessageEnvironment = Record<string, string | number | boolean>;
export interface Paging {
  limit?: number;
  offset?: number;
}
/** A message body: a string (sent as `{message}`, content type `str`), the seed's `{message}`, or any JSON value. */
export type MessageBody =
  string | { message: string } | Record<string, unknown> | unknown[] | number | boolean | null;
export interface SyncResult {
  /** The execution's first result, or its logs when it sent none. */
  body: Uint8Array;
  contentType: string;
  executionId: string | null;
}

/** What a blocking read of an execution (`watchExecution`) answered. */
export interface ExecutionWatch {
  /** The execution; null when it did not change within the wait (the server answered 304 Not Modified). */
  execution: Execution | null;
  /** The version to pass to the next call; null when the server does not version executions. */
  etag: string | null;
  /** Whether the server held the request until a change; when false, pause between calls (poll). */
  blocking: boolean;
}

const TextResult = z
  .unknown()
  .transform((v) => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v)));
const WorkersAdded = z.union([ActorWorkerListSchema, z.null(), z.unknown().transform(() => null)]);
const seg = encodeURIComponent;

/**
 * A typed client for the Abaco / Tapis actors API: one method per operation of the agavepy `actors` reference,
 * with its names and parameters, plus mailbox purge, force-quit and aliases.
 *
 * @example
 * const client = new ActorsClient({ baseUrl: 'http://127.0.0.1:5000', credentials: { kind: 'bearer', token } });
 * const actor = await client.add({ image: 'abacosamples/wc', name: 'wc' });
 * const { executionId } = await client.sendMessage(actor.id, 'the quick brown fox');
 */
export class ActorsClient {
  private readonly http: Transport;

  constructor(options: ActorsClientOptions) {
    this.http = new Transport(options);
  }

  /** The base URL every path is relative to, e.g. `http://127.0.0.1:5000/actors/v2`. */
  get baseUrl(): string {
    return this.http.base;
  }

  // ---- actors ------------------------------------------------------------------------------------------------
  list(limit = 250, offset = 0): Promise<Actor[]> {
    return this.http.call({ method: 'GET', path: '', query: { limit, offset } }, ActorListSchema);
  }
  add(body: ActorRequest): Promise<Actor> {
    return this.http.call({ method: 'POST', path: '', json: body }, ActorSchema);
  }
  get(actorId: string): Promise<Actor> {
    return this.http.call({ method: 'GET', path: `/${seg(actorId)}` }, ActorSchema);
  }
  update(actorId: string, body: ActorRequest): Promise<Actor> {
    return this.http.call({ method: 'PUT', path: `/${seg(actorId)}`, json: body }, ActorSchema);
  }
  delete(actorId: string): Promise<string> {
    return this.http.call({ method: 'DELETE', path: `/${seg(actorId)}` }, TextResult);
  }

  // ---- messages ----------------------------------------------------------------------------------------------
  getMessages(actorId: string): Promise<ActorMessages> {
    return this.http.call({ method: 'GET', path: `/${seg(actorId)}/messages` }, ActorMessagesSchema);
  }
  /** Purges the actor's mailbox (the real service's DELETE on messages): `msg` is "Actor mailbox purged.". */
  deleteMessages(actorId: string): Promise<MessagesPurged> {
    return this.http.call({ method: 'DELETE', path: `/${seg(actorId)}/messages` }, MessagesPurgedSchema);
  }
  async sendMessage(
    actorId: string,
    body: MessageBody,
    environment: MessageEnvironment = {},
  ): Promise<ActorMessageResponse> {
    const json = typeof body === 'string' ? { message: body } : body;
    return this.http.call(
      { method: 'POST', path: `/${seg(actorId)}/messages`, query: envQuery(environment), json },
      ActorMessageResponseSchema,
    );
  }
  async sendBinaryMessage(
    actorId: string,
    message: Uint8Array | ArrayBuffer,
    environment: MessageEnvironment = {},
  ): Promise<ActorMessageResponse> {
    const bytes = message instanceof Uint8Array ? message : new Uint8Array(message);
    return this.http.call(
      { method: 'POST', path: `/${seg(actorId)}/messages`, query: envQuery(environment), bytes },
      ActorMessageResponseSchema,
    );
  }
  /** Sends a message with `_abaco_synchronous=true` and waits for the execution's first result (or its logs). */
  async sendSynchronousMessage(
    actorId: string,
    body: MessageBody | Uint8Array,
    environment: MessageEnvironment = {},
  ): Promise<SyncResult> {
    const query = { ...envQuery(environment), _abaco_synchronous: 'true' };
    const path = `/${seg(actorId)}/messages`;
    const { response, body: bytes } =
      body instanceof Uint8Array
        ? await this.http.read({ method: 'POST', path, query, bytes: body })
        : await this.http.read({
            method: 'POST',
            path,
            query,
            json: typeof body === 'string' ? { message: body } : body,
          });
    return {
      body: bytes,
      contentType: response.headers.get('content-type') ?? '',
      executionId: response.headers.get('x-abaco-execution-id'),
    };
  }

  // ---- state -------------------------------------------------------------------------------------------------
  getState(actorId: string): Promise<ActorState> {
    return this.http.call({ method: 'GET', path: `/${seg(actorId)}/state` }, ActorStateSchema);
  }
  /**
   * Replaces the actor's state with any JSON value (the service refuses an empty or falsy one). The service answers
   * the whole actor; `state` is the new state, and the actor's other keys are kept as sent.
   */
  updateState(actorId: string, body: unknown): Promise<ActorState> {
    return this.http.call({ method: 'POST', path: `/${seg(actorId)}/state`, json: body }, ActorStateSchema);
  }

  // ---- permissions -------------------------------------------------------------------------------------------
  /** The actor's permissions document: the flat map `{user: LEVEL}` (NONE included), as the service answers it. */
  getPermissions(actorId: string): Promise<ActorPermissions> {
    return callPermissions(this.http, { method: 'GET', path: `/${seg(actorId)}/permissions` });
  }
  /** Sets one user's level (NONE is stored as a level) and answers the whole document. */
  updatePermissions(actorId: string, body: PermissionsUpdateRequest): Promise<ActorPermissions> {
    return callPermissions(this.http, { method: 'POST', path: `/${seg(actorId)}/permissions`, json: body });
  }

  // ---- workers -----------------------------------------------------------------------------------------------
  /**
   * Ensures at least `num` workers (admin only). The service answers no result (null), saying in its message how
   * many it scheduled; older servers answered the workers, which are then returned.
   */
  addWorker(actorId: string, body: AddWorkersRequest = { num: 1 }): Promise<ActorWorker[] | null> {
    return this.http.call({ method: 'POST', path: `/${seg(actorId)}/workers`, json: body }, WorkersAdded);
  }
  listWorkers(actorId: string): Promise<ActorWorker[]> {
    return this.http.call({ method: 'GET', path: `/${seg(actorId)}/workers` }, ActorWorkerListSchema);
  }
  getWorker(actorId: string, workerId: string): Promise<ActorWorker> {
    return this.http.call(
      { method: 'GET', path: `/${seg(actorId)}/workers/${seg(workerId)}` },
      ActorWorkerSchema,
    );
  }
  deleteWorker(actorId: string, workerId: string): Promise<string> {
    return this.http.call(
      { method: 'DELETE', path: `/${seg(actorId)}/workers/${seg(workerId)}` },
      TextResult,
    );
  }

  // ---- nonces ------------------------------------------------------------------------------------------------
  addNonce(actorId: string, body: AddNonceRequest = {}): Promise<ActorNonce> {
    return this.http.call({ method: 'POST', path: `/${seg(actorId)}/nonces`, json: body }, ActorNonceSchema);
  }
  listNonces(actorId: string): Promise<ActorNonce[]> {
    return this.http.call({ method: 'GET', path: `/${seg(actorId)}/nonces` }, ActorNonceListSchema);
  }
  getNonce(actorId: string, nonceId: string): Promise<ActorNonce> {
    return this.http.call(
      { method: 'GET', path: `/${seg(actorId)}/nonces/${seg(nonceId)}` },
      ActorNonceSchema,
    );
  }
  deleteNonce(actorId: string, nonceId: string): Promise<string> {
    return this.http.call({ method: 'DELETE', path: `/${seg(actorId)}/nonces/${seg(nonceId)}` }, TextResult);
  }

  // ---- executions --------------------------------------------------------------------------------------------
  /** The executions summary; `ids` (the seed's) is derived from `executions` when the server does not send it. */
  listExecutions(actorId: string, limit = 250, offset = 0): Promise<ExecutionsSummary> {
    return this.http.call(
      { method: 'GET', path: `/${seg(actorId)}/executions`, query: { limit, offset } },
      ExecutionsSummarySchema,
    );
  }
  addExecution(actorId: string, body: AddExecutionRequest): Promise<Execution> {
    return this.http.call(
      { method: 'POST', path: `/${seg(actorId)}/executions`, json: body },
      ExecutionSchema,
    );
  }
  getExecution(actorId: string, executionId: string): Promise<Execution> {
    return this.http.call(
      { method: 'GET', path: `/${seg(actorId)}/executions/${seg(executionId)}` },
      ExecutionSchema,
    );
  }
  /**
   * getExecution as a blocking read, where the server offers one (ActorKit's emulator does, in plain HTTP: the last
   * ETag in `If-None-Match` and `Prefer: wait=N`, RFC 7240). Answers as soon as the execution or its log differs
   * from the version `etag` names, or after `waitSeconds` with `execution: null`. A server that ignores the
   * preference answers at once with `blocking: false`: the caller should then pause between calls.
   *
   * @example
   * let etag: string | null = null;
   * for (;;) {
   *   const w = await client.watchExecution(actorId, executionId, { etag });
   *   etag = w.etag;
   *   if (w.execution?.status === 'COMPLETE') break;
   *   if (!w.blocking) await sleep(500);
   * }
   */
  async watchExecution(
    actorId: string,
    executionId: string,
    options: { etag?: string | null; waitSeconds?: number; signal?: AbortSignal } = {},
  ): Promise<ExecutionWatch> {
    // Under the client's own time-out, with room for the answer to arrive.
    const wait = Math.max(
      0,
      Math.min(options.waitSeconds ?? 20, Math.floor((this.http.timeoutMs - 2_000) / 1_000)),
    );
    const headers: Record<string, string> = wait > 0 ? { prefer: `wait=${wait}` } : {};
    if (options.etag && wait > 0) headers['if-none-match'] = options.etag;
    const { response, result } = await this.http.exchange(
      {
        method: 'GET',
        path: `/${seg(actorId)}/executions/${seg(executionId)}`,
        headers,
        notModifiedOk: Boolean(headers['if-none-match']),
        signal: options.signal,
      },
      ExecutionSchema,
    );
    const applied = response.headers.get('preference-applied') ?? '';
    return {
      execution: result,
      etag: response.headers.get('etag'),
      blocking: /(^|[\s,;])wait=\d+/i.test(applied),
    };
  }
  /**
   * The execution as it changes: yields it at once, then each new version, and ends after yielding a final one
   * (COMPLETE or ERROR), or once `until` (ms since the epoch) has passed. Follows with blocking reads where the
   * server offers them (`watchExecution`), so a change arrives as it happens and nothing is asked in between;
   * otherwise polls every `pollMs` (default 250).
   *
   * @example
   * for await (const execution of client.executionUpdates(actorId, executionId)) statuses.push(execution.status);
   */
  executionUpdates(
    actorId: string,
    executionId: string,
    options: ExecutionUpdatesOptions = {},
  ): AsyncGenerator<Execution, void, undefined> {
    return executionUpdates(this, actorId, executionId, options);
  }
  /** Pops the oldest result of the execution: raw bytes, empty when none is left. */
  async getOneExecutionResult(actorId: string, executionId: string): Promise<Uint8Array> {
    const { body } = await this.http.read({
      method: 'GET',
      path: `/${seg(actorId)}/executions/${seg(executionId)}/results`,
    });
    return body;
  }
  getExecutionLogs(actorId: string, executionId: string): Promise<ExecutionLogs> {
    return this.http.call(
      { method: 'GET', path: `/${seg(actorId)}/executions/${seg(executionId)}/logs` },
      ExecutionLogsSchema,
    );
  }
  /** Force-quits a running execution (the real service's DELETE on an execution): it answers no result. */
  deleteExecution(actorId: string, executionId: string): Promise<string> {
    return this.http.call(
      { method: 'DELETE', path: `/${seg(actorId)}/executions/${seg(executionId)}` },
      TextResult,
    );
  }

  // ---- aliases -----------------------------------------------------------------------------------------------
  listAliases(): Promise<Alias[]> {
    return this.http.call({ method: 'GET', path: '/aliases' }, AliasListSchema);
  }
  addAlias(body: AliasRequest): Promise<Alias> {
    return this.http.call({ method: 'POST', path: '/aliases', json: body }, AliasSchema);
  }
  getAlias(alias: string): Promise<Alias> {
    return this.http.call({ method: 'GET', path: `/aliases/${seg(alias)}` }, AliasSchema);
  }
  updateAlias(alias: string, actorId: string): Promise<Alias> {
    return this.http.call({ method: 'PUT', path: `/aliases/${seg(alias)}`, json: { actorId } }, AliasSchema);
  }
  deleteAlias(alias: string): Promise<string> {
    return this.http.call({ method: 'DELETE', path: `/aliases/${seg(alias)}` }, TextResult);
  }
  /** The alias's own permissions document (flat map); they confer nothing on the actor. */
  getAliasPermissions(alias: string): Promise<ActorPermissions> {
    return callPermissions(this.http, { method: 'GET', path: `/aliases/${seg(alias)}/permissions` });
  }
  updateAliasPermissions(alias: string, body: PermissionsUpdateRequest): Promise<ActorPermissions> {
    return callPermissions(this.http, {
      method: 'POST',
      path: `/aliases/${seg(alias)}/permissions`,
      json: body,
    });
  }
  addAliasNonce(alias: string, body: AddNonceRequest = {}): Promise<ActorNonce> {
    return this.http.call(
      { method: 'POST', path: `/aliases/${seg(alias)}/nonces`, json: body },
      ActorNonceSchema,
    );
  }
  listAliasNonces(alias: string): Promise<ActorNonce[]> {
    return this.http.call({ method: 'GET', path: `/aliases/${seg(alias)}/nonces` }, ActorNonceListSchema);
  }
  getAliasNonce(alias: string, nonceId: string): Promise<ActorNonce> {
    return this.http.call(
      { method: 'GET', path: `/aliases/${seg(alias)}/nonces/${seg(nonceId)}` },
      ActorNonceSchema,
    );
  }
  deleteAliasNonce(alias: string, nonceId: string): Promise<string> {
    return this.http.call(
      { method: 'DELETE', path: `/aliases/${seg(alias)}/nonces/${seg(nonceId)}` },
      TextResult,
    );
  }

  // ---- search ------------------------------------------------------------------------------------------------
  /**
   * `GET /search/{type}`: the caller's stored documents of a type. `query` holds `search` (ranking words),
   * `exactsearch` (a phrase that must appear), `skip`, `limit` (default 100) and field filters such as
   * `{status: 'COMPLETE', 'startTime.gte': '2024-01-01'}` (operators `.eq .neq .lt .lte .gt .gte .in .nin .between
   * .like .nlike`). The documents are open records: the stored fields, not the objects' displays.
   */
  search(type: SearchType, query: Query = {}): Promise<SearchResult> {
    return this.http.call({ method: 'GET', path: `/search/${seg(type)}`, query }, SearchResultSchema);
  }

  // ---- actor configs -----------------------------------------------------------------------------------------
  /** The configs the caller may read. */
  listConfigs(): Promise<Config[]> {
    return this.http.call({ method: 'GET', path: '/configs' }, ConfigListSchema);
  }
  /** Creates a config; `actors` is a comma-separated string of actor ids and/or aliases. */
  addConfig(body: ConfigRequest): Promise<Config> {
    return this.http.call({ method: 'POST', path: '/configs', json: body }, ConfigSchema);
  }
  /** A secret config's `value` is the stored ciphertext; only executions see the plain value. */
  getConfig(name: string): Promise<Config> {
    return this.http.call({ method: 'GET', path: `/configs/${seg(name)}` }, ConfigSchema);
  }
  /** Replaces a config: all four fields are required again; the name in the path wins. */
  updateConfig(name: string, body: ConfigRequest): Promise<Config> {
    return this.http.call({ method: 'PUT', path: `/configs/${seg(name)}`, json: body }, ConfigSchema);
  }
  deleteConfig(name: string): Promise<string> {
    return this.http.call({ method: 'DELETE', path: `/configs/${seg(name)}` }, TextResult);
  }
  /** The config's permission document: user names as the server wrote them. */
  getConfigPermissions(name: string): Promise<ConfigPermissions> {
    return callPermissions(this.http, { method: 'GET', path: `/configs/${seg(name)}/permissions` });
  }
  updateConfigPermissions(name: string, body: PermissionsUpdateRequest): Promise<ConfigPermissions> {
    return callPermissions(this.http, {
      method: 'POST',
      path: `/configs/${seg(name)}/permissions`,
      json: body,
    });
  }
}

function envQuery(environment: MessageEnvironment): Query {
  if ('message' in environment) {
    throw new TypeError(
      'environment may not contain "message": the service reads that query parameter as the message',
    );
  }
  return Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)]));
}
