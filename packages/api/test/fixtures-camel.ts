/** Complete service objects as a camelCase server writes them. Keys inside user data are deliberately mixed. */
export const ACTOR_ID = 'Xm4e8yB7vLDj1';
export const EXECUTION_ID = 'ZQ1zpX0wYb7aK';
export const WORKER_ID = 'wK4lP0mB1xYzQ';
export const NONCE_ID = 'DEV_5Bd3zPqr1mXo';
export const ALIAS = 'word.count';

const links = { self: `http://host/actors/v2/${ACTOR_ID}`, owner: 'http://host/profiles/v2/jane_doe' };
const T0 = '2024-05-01T12:00:00.000Z';
const T1 = '2024-05-01T12:00:02.100Z';

export const actor = {
  id: ACTOR_ID,
  name: 'word-count',
  image: 'abacosamples/wc',
  description: 'counts words',
  owner: 'jane_doe',
  status: 'READY',
  statusMessage: 'Actor is ready.',
  stateless: false,
  privileged: false,
  defaultEnvironment: { MY_VAR: 'x', some_key: 'y', camelKey: 'z' },
  token: true,
  useContainerUid: false,
  maxWorkers: 1,
  memLimit: '2g',
  maxCpus: 1_000_000_000,
  queue: 'default',
  hints: ['sync', 'v2'],
  link: '',
  webhook: 'http://hooks.example/abc',
  cronSchedule: null,
  cronOn: false,
  cronNextEx: null,
  logEx: null,
  revision: 2,
  createTime: T0,
  lastUpdateTime: T1,
  tenant: 'DEV',
  _links: links,
};

export const messages = { messages: 3, _links: links };

export const messageResponse = {
  executionId: EXECUTION_ID,
  msg: { some_key: 1, nestedKey: { inner_key: true } },
  _links: { ...links, messages: `http://host/actors/v2/${ACTOR_ID}/messages` },
};

export const state = { actorId: ACTOR_ID, state: { some_key: 1, nested_obj: { inner_key: [1, 2] } } };

export const permissions = {
  permissions: { jane_doe: 'UPDATE', ABACO_WORLD: 'READ', john_smith: 'EXECUTE' },
};

export const worker = {
  id: WORKER_ID,
  actorId: ACTOR_ID,
  cid: '4f1c0a',
  hostId: '0',
  hostIp: '172.17.0.1',
  image: 'abacosamples/wc',
  lastExecution: 4,
  lastExecutionTime: T1,
  location: 'unix://var/run/docker.sock',
  status: 'READY',
  tenant: 'DEV',
  createTime: T0,
  lastHealthCheckTime: T1,
  _links: links,
};

export const nonce = {
  id: NONCE_ID,
  actorId: ACTOR_ID,
  alias: null,
  owner: 'jane_doe',
  roles: ['Internal/everyone'],
  level: 'EXECUTE',
  maxUses: 5,
  currentUses: 1,
  remainingUses: 4,
  description: 'for the webhook',
  createTime: T0,
  lastUseTime: T1,
  _links: links,
};

const brief = {
  id: EXECUTION_ID,
  status: 'COMPLETE',
  messageReceivedTime: T0,
  startTime: T0,
  finishTime: T1,
};

export const executionsSummary = {
  actorId: ACTOR_ID,
  owner: 'jane_doe',
  ids: [EXECUTION_ID],
  executions: [brief],
  totalExecutions: 1,
  totalCpu: 1200,
  totalIo: 8,
  totalRuntime: 2100,
  _links: links,
};

export const execution = {
  ...brief,
  actorId: ACTOR_ID,
  owner: 'jane_doe',
  workerId: WORKER_ID,
  executor: 'john_smith',
  statusMessage: '',
  exitCode: 0,
  finalState: { ExitCode: 0, Status: 'exited', OOMKilled: false, StartedAt: T0, FinishedAt: T1 },
  runtime: 2100,
  cpu: 1200,
  io: 8,
  _links: links,
};

export const logs = { logs: 'line one\nline two\n', _links: links };

export const alias = { alias: ALIAS, actorId: ACTOR_ID, owner: 'jane_doe', createTime: T0, _links: links };
