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
  type: 'none',
  state: {},
  mounts: [],
  uid: null,
  gid: null,
  tasdir: null,
  _links: links,
};

export const messages = { messages: 3, _links: links };

export const messageResponse = {
  executionId: EXECUTION_ID,
  msg: { some_key: 1, nestedKey: { inner_key: true } },
  _links: { ...links, messages: `http://host/actors/v2/${ACTOR_ID}/messages` },
};

export const state = { state: { some_key: 1, nested_obj: { inner_key: [1, 2] } } };

/** A permissions document: a flat map whose keys are user names (never case-converted). */
export const permissions = {
  jane_doe: 'UPDATE',
  ABACO_WORLD: 'READ',
  john_smith: 'EXECUTE',
  bob_NONE: 'NONE',
};

export const worker = {
  id: WORKER_ID,
  cid: '4f1c0a9e2b7d5c3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a',
  chName: `worker_${WORKER_ID}`,
  hostId: '0',
  hostIp: '172.17.0.1',
  image: 'abacosamples/wc',
  lastExecutionTime: T1,
  location: 'unix://var/run/docker.sock',
  status: 'READY',
  tenant: 'DEV',
  createTime: T0,
  lastHealthCheckTime: T1,
};
/** The worker as the client reads it: the seed's `lastExecution` defaults to null. */
export const workerRead = { ...worker, lastExecution: null };

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
  apiServer: 'http://host',
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
  apiServer: 'http://host',
  actorId: ACTOR_ID,
  owner: 'jane_doe',
  executions: [brief],
  totalExecutions: 1,
  totalIo: 8,
  totalRuntime: 2100,
  totalCpu: 1200,
  _links: links,
};
/** The summary as the client reads it: the seed's `ids`, derived from `executions`. */
export const executionsSummaryRead = { ...executionsSummary, ids: [EXECUTION_ID] };

const executionUrl = `http://host/actors/v2/${ACTOR_ID}/executions/${EXECUTION_ID}`;

export const execution = {
  ...brief,
  actorId: ACTOR_ID,
  apiServer: 'http://host',
  workerId: WORKER_ID,
  executor: 'john_smith',
  exitCode: 0,
  finalState: { ExitCode: 0, Status: 'exited', OOMKilled: false, StartedAt: T0, FinishedAt: T1 },
  runtime: 2100,
  cpu: 1200,
  io: 8,
  _links: { self: executionUrl, owner: links.owner, logs: `${executionUrl}/logs` },
};

export const logs = {
  logs: 'line one\nline two\n',
  _links: { self: `${executionUrl}/logs`, owner: links.owner, execution: executionUrl },
};

export const alias = { alias: ALIAS, actorId: ACTOR_ID, owner: 'jane_doe', _links: links };
