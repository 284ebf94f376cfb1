import {
  ActorNonceSchema,
  ActorsApiError,
  AddNonceRequestSchema,
  type ActorNonce,
  type MessageBody,
  type MessageEnvironment,
} from '@actorkit/api';
import type { ActorsApi } from '@actorkit/runtime';
import type { SentMessage } from './invocation-result.js';
import { nextId } from './ids.js';

/** What the in-memory service keeps during one invocation. */
export interface MemoryRecord {
  state: unknown;
  stateUpdates: unknown[];
  messagesSent: SentMessage[];
  noncesCreated: ActorNonce[];
  noncesDeleted: string[];
  nonces: Map<string, ActorNonce>;
}

export interface MemoryApiOptions {
  username: string;
  stateless: boolean;
}

/** The actors API as one execution sees it, in memory: it answers as the service would, and records every call. */
/** The service's answer to an empty or falsy state. */
const STATE_NOT_SERIALIZABLE = 'Invalid actor state description: state must be JSON serializable.';

/** Python's truth of a JSON value: `{}`, `[]`, `""`, `0`, `false` and `null` are false. */
function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export function memoryApi(record: MemoryRecord, options: MemoryApiOptions): ActorsApi {
  const fail = (status: number, method: string, path: string, message: string): never => {
    throw new ActorsApiError({ status, message, request: { method, url: `memory:///actors/v2${path}` } });
  };
  const sent = (to: string, entry: Omit<SentMessage, 'to' | 'executionId'>) => {
    const executionId = nextId('EX');
    record.messagesSent.push({ to, executionId, ...entry });
    return { executionId, msg: entry.message, _links: {} };
  };
  return {
    async getState() {
      return { state: record.state };
    },
    async updateState(actorId, body) {
      // As the service answers (fidelity §2.4, §9.2, §9.3): a stateless actor is a 404, a falsy state a 400.
      if (options.stateless) fail(404, 'POST', `/${actorId}/state`, 'actor is stateless.');
      if (!pythonTruthy(body)) {
        fail(400, 'POST', `/${actorId}/state`, STATE_NOT_SERIALIZABLE);
      }
      record.state = body;
      record.stateUpdates.push(body);
      return { id: actorId, state: body };
    },
    async sendMessage(to, body: MessageBody, environment: MessageEnvironment = {}) {
      const isStr = typeof body === 'string' || (isRecord(body) && typeof body.message === 'string');
      const message = typeof body === 'string' ? body : isStr ? (body as { message: string }).message : body;
      return sent(to, {
        contentType: isStr ? 'str' : 'application/json',
        message,
        environment: envOf(environment),
      });
    },
    async sendBinaryMessage(to, bytes, environment: MessageEnvironment = {}) {
      const message = new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
      return sent(to, { contentType: 'application/octet-stream', message, environment: envOf(environment) });
    },
    async addNonce(actorId, body = {}) {
      const parsed = AddNonceRequestSchema.safeParse(body);
      if (!parsed.success) {
        return fail(400, 'POST', `/${actorId}/nonces`, parsed.error.issues.map((i) => i.message).join('; '));
      }
      const { level, maxUses, description } = parsed.data;
      const nonce = ActorNonceSchema.parse({
        id: `DEV_${nextId('NC')}`,
        actorId,
        owner: options.username,
        level,
        maxUses,
        remainingUses: maxUses,
        description,
        createTime: new Date().toISOString(),
      });
      record.nonces.set(nonce.id, nonce);
      record.noncesCreated.push(nonce);
      return nonce;
    },
    async listNonces() {
      return [...record.nonces.values()];
    },
    async deleteNonce(actorId, nonceId) {
      if (!record.nonces.delete(nonceId))
        fail(404, 'DELETE', `/${actorId}/nonces/${nonceId}`, `nonce ${nonceId} does not exist`);
      record.noncesDeleted.push(nonceId);
      return 'nonce deleted';
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** As the client sends them: strings, and never `message` (the service would read it as the message). */
function envOf(environment: MessageEnvironment): Record<string, string> {
  if ('message' in environment) {
    throw new TypeError(
      'environment may not contain "message": the service reads that query parameter as the message',
    );
  }
  return Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)]));
}
