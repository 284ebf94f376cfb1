import type { ExecutionStatus, MessageContentType, PermissionLevel, Role } from '@actorkit/api';

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
  token: boolean;
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
  cid: string | null;
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
  roles: Role[];
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

export type PermissionKind = 'actor' | 'alias';
