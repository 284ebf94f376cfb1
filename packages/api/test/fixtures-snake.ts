import * as camel from './fixtures-camel.js';

/** The same objects as a snake_case server writes them, spelled out by hand. User data keeps its own keys. */
export const actor = {
  id: camel.actor.id,
  name: camel.actor.name,
  image: camel.actor.image,
  description: camel.actor.description,
  owner: camel.actor.owner,
  status: camel.actor.status,
  status_message: camel.actor.statusMessage,
  stateless: camel.actor.stateless,
  privileged: camel.actor.privileged,
  default_environment: { MY_VAR: 'x', some_key: 'y', camelKey: 'z' },
  token: camel.actor.token,
  use_container_uid: camel.actor.useContainerUid,
  max_workers: camel.actor.maxWorkers,
  mem_limit: camel.actor.memLimit,
  max_cpus: camel.actor.maxCpus,
  queue: camel.actor.queue,
  hints: camel.actor.hints,
  link: camel.actor.link,
  webhook: camel.actor.webhook,
  cron_schedule: null,
  cron_on: false,
  cron_next_ex: null,
  log_ex: null,
  revision: camel.actor.revision,
  create_time: camel.actor.createTime,
  last_update_time: camel.actor.lastUpdateTime,
  type: camel.actor.type,
  state: camel.actor.state,
  mounts: camel.actor.mounts,
  uid: null,
  gid: null,
  tasdir: null,
  _links: camel.actor._links,
};

export const messages = camel.messages;

export const messageResponse = {
  execution_id: camel.EXECUTION_ID,
  msg: { some_key: 1, nestedKey: { inner_key: true } },
  _links: camel.messageResponse._links,
};

export const state = { state: { some_key: 1, nested_obj: { inner_key: [1, 2] } } };

export const permissions = camel.permissions;

export const worker = {
  id: camel.worker.id,
  cid: camel.worker.cid,
  ch_name: camel.worker.chName,
  host_id: camel.worker.hostId,
  host_ip: camel.worker.hostIp,
  image: camel.worker.image,
  last_execution_time: camel.worker.lastExecutionTime,
  location: camel.worker.location,
  status: camel.worker.status,
  tenant: camel.worker.tenant,
  create_time: camel.worker.createTime,
  last_health_check_time: camel.worker.lastHealthCheckTime,
};

export const nonce = {
  id: camel.nonce.id,
  actor_id: camel.nonce.actorId,
  alias: null,
  owner: camel.nonce.owner,
  roles: camel.nonce.roles,
  level: camel.nonce.level,
  max_uses: String(camel.nonce.maxUses),
  current_uses: camel.nonce.currentUses,
  remaining_uses: camel.nonce.remainingUses,
  description: camel.nonce.description,
  api_server: camel.nonce.apiServer,
  create_time: camel.nonce.createTime,
  last_use_time: camel.nonce.lastUseTime,
  _links: camel.nonce._links,
};

const [brief] = camel.executionsSummary.executions;
const snakeBrief = {
  id: brief?.id,
  status: brief?.status,
  message_received_time: brief?.messageReceivedTime,
  start_time: brief?.startTime,
  finish_time: brief?.finishTime,
};

export const executionsSummary = {
  api_server: camel.executionsSummary.apiServer,
  actor_id: camel.ACTOR_ID,
  owner: camel.executionsSummary.owner,
  executions: [snakeBrief],
  total_executions: camel.executionsSummary.totalExecutions,
  total_cpu: camel.executionsSummary.totalCpu,
  total_io: camel.executionsSummary.totalIo,
  total_runtime: camel.executionsSummary.totalRuntime,
  _links: camel.executionsSummary._links,
};

export const execution = {
  ...snakeBrief,
  actor_id: camel.ACTOR_ID,
  api_server: camel.execution.apiServer,
  worker_id: camel.execution.workerId,
  executor: camel.execution.executor,
  exit_code: camel.execution.exitCode,
  final_state: {
    ExitCode: 0,
    Status: 'exited',
    OOMKilled: false,
    StartedAt: brief?.startTime,
    FinishedAt: brief?.finishTime,
  },
  runtime: camel.execution.runtime,
  cpu: camel.execution.cpu,
  io: camel.execution.io,
  _links: camel.execution._links,
};

export const logs = camel.logs;

export const alias = {
  alias: camel.ALIAS,
  actor_id: camel.ACTOR_ID,
  owner: camel.alias.owner,
  _links: camel.alias._links,
};
