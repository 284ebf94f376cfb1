import { displayTime, type WorkerDisplay } from '@actorkit/api';
import type { WorkerRecord } from '../store/records.js';

/**
 * The service's worker display (`Worker.display`, fidelity §2.2 and §8.2): nothing removed, so `tenant` stays;
 * no `actorId`, no `_links`; the three times through `display_time` ("None" until they happen). Reply with
 * WorkerDisplaySchema (kind 'model' / 'models'): camel case drops the null fields of a worker not yet up.
 */
export function workerView(w: WorkerRecord): WorkerDisplay {
  return {
    id: w.id,
    status: w.status,
    image: w.image,
    tenant: w.tenant,
    cid: w.cid,
    chName: w.chName,
    location: w.location,
    hostId: w.hostId,
    hostIp: w.hostIp,
    lastExecutionTime: displayTime(w.lastExecutionTime),
    lastHealthCheckTime: displayTime(w.lastHealthCheckTime),
    createTime: displayTime(w.createTime),
  };
}
