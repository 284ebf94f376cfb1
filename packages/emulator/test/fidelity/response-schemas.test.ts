import {
  ActorDisplaySchema,
  ActorMessageResponseDisplaySchema,
  ActorMessagesDisplaySchema,
  ActorStateDisplaySchema,
  AliasDisplaySchema,
  ConfigDisplaySchema,
  ExecutionDisplaySchema,
  ExecutionLogsDisplaySchema,
  ExecutionsSummaryDisplaySchema,
  MessagesPurgedDisplaySchema,
  NonceDisplaySchema,
  PermissionsDocumentSchema,
  SearchResultDisplaySchema,
  UtilizationSchema,
  WorkerDisplaySchema,
  toCamelKeys,
  type KeyCase,
} from '@actorkit/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS, type RawInit } from '../api/fixture.js';

// Issue acceptance: every route's answer parses with its declared schema, strictly (unknown keys fail), for every
// object type, in camel and in snake case. A snake answer is read as the client reads it: keys to camel first.

const token = USERS.admin.token;
const strictList = <S extends z.ZodType>(s: S) => z.array(s);

interface Probe {
  name: string;
  method: string;
  path: (f: Fixture) => string;
  init?: (f: Fixture) => RawInit;
  schema: z.ZodType;
  /** Keys of user data (permission maps, utilization): not converted between cases. */
  verbatim?: boolean;
}

interface Fixture {
  actorId: string;
  alias: string;
  nonceId: string;
  executionId: string;
  workerId: string;
  config: string;
}

const PROBES: Probe[] = [
  { name: 'list actors', method: 'GET', path: () => '/actors/v2', schema: strictList(ActorDisplaySchema) },
  { name: 'get actor', method: 'GET', path: (f) => `/actors/v2/${f.actorId}`, schema: ActorDisplaySchema },
  {
    name: 'register actor',
    method: 'POST',
    path: () => '/actors/v2',
    init: () => ({ json: { image: 'img/schema-new', stateless: false } }),
    schema: ActorDisplaySchema,
  },
  {
    name: 'update actor',
    method: 'PUT',
    path: (f) => `/actors/v2/${f.actorId}`,
    init: () => ({ json: { image: 'img/schema', stateless: false, cronSchedule: 'now + 1 hour' } }),
    schema: ActorDisplaySchema,
  },
  {
    name: 'update actor on v3 (runAsExecutor)',
    method: 'PUT',
    path: (f) => `/v3/actors/${f.actorId}`,
    init: () => ({ json: { image: 'img/schema', stateless: false } }),
    schema: ActorDisplaySchema,
  },
  {
    name: 'list messages',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/messages`,
    schema: ActorMessagesDisplaySchema,
  },
  {
    name: 'send message',
    method: 'POST',
    path: (f) => `/actors/v2/${f.actorId}/messages`,
    init: () => ({ json: { message: 'hello' } }),
    schema: ActorMessageResponseDisplaySchema,
  },
  {
    name: 'get state',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/state`,
    schema: ActorStateDisplaySchema,
  },
  {
    name: 'update state',
    method: 'POST',
    path: (f) => `/actors/v2/${f.actorId}/state`,
    init: () => ({ json: { count: 1 } }),
    schema: ActorDisplaySchema,
  },
  {
    name: 'list executions',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/executions`,
    schema: ExecutionsSummaryDisplaySchema,
  },
  {
    name: 'get execution',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/executions/${f.executionId}`,
    schema: ExecutionDisplaySchema,
  },
  {
    name: 'get logs',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/executions/${f.executionId}/logs`,
    schema: ExecutionLogsDisplaySchema,
  },
  {
    name: 'list workers',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/workers`,
    schema: strictList(WorkerDisplaySchema),
  },
  {
    name: 'get worker',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/workers/${f.workerId}`,
    schema: WorkerDisplaySchema,
  },
  {
    name: 'actor permissions',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/permissions`,
    schema: PermissionsDocumentSchema,
    verbatim: true,
  },
  {
    name: 'grant actor permission',
    method: 'POST',
    path: (f) => `/actors/v2/${f.actorId}/permissions`,
    init: () => ({ json: { user: 'jane_doe', level: 'READ' } }),
    schema: PermissionsDocumentSchema,
    verbatim: true,
  },
  {
    name: 'list nonces',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/nonces`,
    schema: strictList(NonceDisplaySchema),
  },
  {
    name: 'get nonce',
    method: 'GET',
    path: (f) => `/actors/v2/${f.actorId}/nonces/${f.nonceId}`,
    schema: NonceDisplaySchema,
  },
  {
    name: 'create nonce',
    method: 'POST',
    path: (f) => `/actors/v2/${f.actorId}/nonces`,
    init: () => ({ json: { level: 'READ', maxUses: 3 } }),
    schema: NonceDisplaySchema,
  },
  {
    name: 'list aliases',
    method: 'GET',
    path: () => '/actors/v2/aliases',
    schema: strictList(AliasDisplaySchema),
  },
  {
    name: 'get alias',
    method: 'GET',
    path: (f) => `/actors/v2/aliases/${f.alias}`,
    schema: AliasDisplaySchema,
  },
  {
    name: 'alias permissions',
    method: 'GET',
    path: (f) => `/actors/v2/aliases/${f.alias}/permissions`,
    schema: PermissionsDocumentSchema,
    verbatim: true,
  },
  {
    name: 'alias nonce',
    method: 'POST',
    path: (f) => `/actors/v2/aliases/${f.alias}/nonces`,
    init: () => ({ json: { level: 'EXECUTE' } }),
    schema: NonceDisplaySchema,
  },
  {
    name: 'list configs',
    method: 'GET',
    path: () => '/actors/v2/configs',
    schema: strictList(ConfigDisplaySchema),
  },
  {
    name: 'get config',
    method: 'GET',
    path: (f) => `/actors/v2/configs/${f.config}`,
    schema: ConfigDisplaySchema,
  },
  {
    name: 'config permissions',
    method: 'GET',
    path: (f) => `/actors/v2/configs/${f.config}/permissions`,
    schema: PermissionsDocumentSchema,
    verbatim: true,
  },
  {
    name: 'search actors',
    method: 'GET',
    path: () => '/actors/v2/search/actors',
    schema: SearchResultDisplaySchema,
  },
  {
    name: 'search executions',
    method: 'GET',
    path: () => '/actors/v2/search/executions',
    schema: SearchResultDisplaySchema,
  },
  {
    name: 'search workers',
    method: 'GET',
    path: () => '/actors/v2/search/workers',
    schema: SearchResultDisplaySchema,
  },
  {
    name: 'search logs',
    method: 'GET',
    path: () => '/actors/v2/search/logs',
    schema: SearchResultDisplaySchema,
  },
  {
    name: 'list as a search',
    method: 'GET',
    path: () => '/actors/v2?image=img/schema',
    schema: SearchResultDisplaySchema,
  },
  {
    name: 'utilization',
    method: 'GET',
    path: () => '/actors/v2/utilization',
    schema: UtilizationSchema,
    verbatim: true,
  },
  {
    name: 'purge messages',
    method: 'DELETE',
    path: (f) => `/actors/v2/${f.actorId}/messages`,
    schema: MessagesPurgedDisplaySchema,
  },
];

describe.each(['camel', 'snake'] as KeyCase[])(
  'every answer parses strictly with its schema (%s case)',
  (keyCase) => {
    let emu: RunningEmulator;
    let fixture: Fixture;
    beforeAll(async () => {
      emu = await startTestEmulator({ keyCase });
      const call = async (method: string, path: string, json?: unknown) => {
        const res = await raw(emu, method, path, { token, ...(json === undefined ? {} : { json }) });
        expect(res.status, res.text).toBe(200);
        return toCamelKeys<Record<string, unknown>>(res.json?.result);
      };
      const actor = await call('POST', '/actors/v2', {
        image: 'img/schema',
        stateless: false,
        name: 'schema',
      });
      const actorId = String(actor['id']);
      const alias = `schema-${keyCase}`;
      await call('POST', '/actors/v2/aliases', { alias, actorId });
      const nonce = await call('POST', `/actors/v2/${actorId}/nonces`, { level: 'READ' });
      const sent = await call('POST', `/actors/v2/${actorId}/messages`, { message: 'first' });
      await call('POST', `/actors/v2/${actorId}/workers`, { num: 1 });
      const workers = (await raw(emu, 'GET', `/actors/v2/${actorId}/workers`, { token })).json?.result as {
        id: string;
      }[];
      const config = `cfg_${keyCase}`;
      await call('POST', '/actors/v2/configs', {
        name: config,
        value: 'v',
        isSecret: false,
        actors: actorId,
      });
      fixture = {
        actorId,
        alias,
        nonceId: String(nonce['id']),
        executionId: String(sent['executionId']),
        workerId: workers[0]!.id,
        config,
      };
    });
    afterAll(() => emu.dispose());

    it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
      const res = await raw(emu, probe.method, probe.path(fixture), { token, ...probe.init?.(fixture) });
      expect(res.status, res.text).toBe(200);
      const result = probe.verbatim ? res.json?.result : toCamelKeys(res.json?.result);
      const parsed = probe.schema.safeParse(result);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    });

    it('fails a stray key (the schemas are strict)', () => {
      expect(ActorDisplaySchema.safeParse(sampleActor()).success).toBe(true);
      expect(ActorDisplaySchema.safeParse({ ...sampleActor(), tenant: 'DEV' }).success).toBe(false);
      expect(ActorDisplaySchema.safeParse({ ...sampleActor(), name: null }).success).toBe(true);
    });
  },
);

/** A displayed actor, as the emulator answers one (camel case, null keys dropped). */
function sampleActor(): Record<string, unknown> {
  return {
    id: 'abcdefghijklm',
    image: 'img',
    description: '',
    owner: 'me',
    status: 'SUBMITTED',
    statusMessage: '',
    stateless: true,
    type: 'none',
    link: '',
    token: false,
    webhook: '',
    hints: [],
    privileged: false,
    useContainerUid: false,
    defaultEnvironment: {},
    state: {},
    mounts: [],
    revision: 1,
    queue: 'default',
    cronOn: false,
    createTime: '2026-01-01T00:00:00',
    lastUpdateTime: '2026-01-01T00:00:00',
    _links: { self: 'x', owner: 'y', executions: 'z' },
  };
}
