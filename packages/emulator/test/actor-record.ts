import type { ActorRecord } from '../src/store/records.js';

/** A complete actor record for store and pool tests; `patch` sets what the test is about. */
export function actorRecord(id: string, patch: Partial<ActorRecord> = {}): ActorRecord {
  const now = new Date().toISOString();
  return {
    id,
    tenant: 'DEV',
    owner: 'tester',
    name: null,
    image: 'test/image:1',
    description: '',
    status: 'SUBMITTED',
    statusMessage: '',
    stateless: true,
    privileged: false,
    defaultEnvironment: {},
    token: true,
    useContainerUid: false,
    maxWorkers: null,
    memLimit: null,
    maxCpus: null,
    queue: 'default',
    hints: [],
    link: '',
    webhook: '',
    cronSchedule: null,
    cronOn: false,
    cronNextEx: null,
    logEx: null,
    runAsExecutor: false,
    revision: 1,
    createTime: now,
    lastUpdateTime: now,
    type: 'none',
    mounts: [],
    uid: null,
    gid: null,
    tasdir: null,
    ...patch,
  };
}
