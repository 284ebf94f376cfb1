import type { ExecutionStatus, MessageContentType, PermissionLevel } from '@actorkit/api';

/** An actor as the store keeps it: the registration fields plus what the service adds. State is kept apart. */
export interface ActorRecord {
  id: string;
  tenant: string;
  owner: string;
  name: string | null;
  image: string;
  description: string;
  status: string;
  statusMessage: string;
  stateless: boolean;
  privileged: boolean;
  defaultEnvironment: Record<string, string>;
  /** A boolean, or the deployment's default as its raw config text (`"false"`, `"true"`), as the service stores it. */
  token: boolean | string;
  useContainerUid: boolean;
  maxWorkers: number | null;
  memLimit: string | null;
  maxCpus: number | null;
  queue: string;
  hints: string[];
  link: string;
  webhook: string;
  cronSchedule: string | null;
  cronOn: boolean;
  cronNextEx: string | null;
  logEx: number | null;
  runAsExecutor: boolean;
  revision: number;
  createTime: string;
  lastUpdateTime: string;
  /** The service's return type; the emulator only has `none`. */
  type: string;
  /** Host mounts; the emulator mounts nothing. */
  mounts: Record<string, unknown>[];
  /** From the TACC accounting system in the service; the emulator has none. */
  uid: number | string | null;
  gid: number | string | null;
  tasdir: string | null;
}

export interface ExecutionRecord {
  id: string;
  actorId: string;
  owner: string;
  workerId: string | null;
  executor: string;
  status: ExecutionStatus;
  statusMessage: string;
  exitCode: number | null;
  finalState: Record<string, unknown> | null;
  messageReceivedTime: string | null;
  startTime: string | null;
  finishTime: string | null;
  runtime: number;
  cpu: number;
  io: number;
}

export interface WorkerRecord {
  id: string;
  actorId: string;
  tenant: string;
  status: string;
  image: string;
  /** The worker's own container id (64 hex digits), set once it is READY; executions run in containers of their own. */
  cid: string | null;
  /** `worker_<id>`, the service's `WorkerChannel` name. */
  chName: string;
  hostId: string | null;
  hostIp: string | null;
  location: string | null;
  lastExecution: string | null;
  lastExecutionTime: string | null;
  lastHealthCheckTime: string | null;
  createTime: string;
}

export interface NonceRecord {
  id: string;
  actorId: string | null;
  alias: string | null;
  owner: string;
  /** The creator's role strings as its credentials carried them, e.g. `Internal/abaco-admin`. */
  roles: string[];
  level: PermissionLevel;
  maxUses: number;
  currentUses: number;
  description: string;
  tenant: string;
  createTime: string;
  lastUseTime: string | null;
}

export interface AliasRecord {
  alias: string;
  actorId: string;
  owner: string;
  tenant: string;
  createTime: string;
}

/** One message waiting in (or claimed from) an actor's mailbox. */
export interface QueuedMessage {
  seq: number;
  actorId: string;
  executionId: string;
  contentType: MessageContentType;
  /** str: UTF-8 text; application/json: JSON text; application/octet-stream: the bytes. */
  body: Buffer;
  /** The execution's own environment: the message's query parameters. */
  env: Record<string, string>;
  sender: string;
  createTime: string;
  claimedBy: string | null;
}

/** Config permissions share the permissions table: kind `config`, target `{tenant}_{name}`. */
export type PermissionKind = 'actor' | 'alias' | 'config';

/** An actor config as the store keeps it; a secret's `value` is its ciphertext (`configs/secret-cipher.ts`). */
export interface ConfigRecord {
  tenant: string;
  name: string;
  /** The plain value, or for a secret the ciphertext: the value the API shows either way. */
  value: string;
  isSecret: boolean;
  /** Comma-separated actor ids and/or aliases, as sent. */
  actors: string;
  owner: string;
  createTime: string;
}
