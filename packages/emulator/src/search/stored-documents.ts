import type { Request } from 'express';
import type { ActorRecord, ExecutionRecord, WorkerRecord } from '../store/records.js';
import { actorsUrl, apiServer, profileUrl } from '../views/links.js';

/**
 * The documents the service's stores hold, in its snake_case form, built from the emulator's records so that search
 * filters and counts see what they see in the real stores. Times are Date instants (Mongo keeps datetimes, not
 * strings); `actor_id` is the actor's db id `{tenant}_{id}`. The keys `post_processing` removes (`_id`, `tenant`,
 * `db_id`, ...) are here, since filters and full text see them; `searchDisplay` removes them. `_links` are here
 * too, so that a filter such as `_links.owner` reaches them, but full text skips them (they are not stored).
 */
export type StoredDocument = Record<string, unknown>;

/** The db id the service keys an actor's documents by. */
export function actorDbId(actor: Pick<ActorRecord, 'tenant' | 'id'>): string {
  return `${actor.tenant}_${actor.id}`;
}

/** An ISO time of a record as an instant; null when absent (or unreadable). */
export function instant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isV3(req: Request): boolean {
  return req.baseUrl.startsWith('/v3/');
}

/** An actor's document: every field of the service's actor model, null ones included (fidelity §7.6). */
export function actorDocument(req: Request, a: ActorRecord, state: unknown): StoredDocument {
  const dbId = actorDbId(a);
  const self = actorsUrl(req, `/${encodeURIComponent(a.id)}`);
  return {
    _id: dbId,
    name: a.name,
    image: a.image,
    stateless: a.stateless,
    type: a.type,
    link: a.link,
    token: a.token,
    webhook: a.webhook,
    hints: a.hints,
    description: a.description,
    privileged: a.privileged,
    max_workers: a.maxWorkers,
    mem_limit: a.memLimit,
    max_cpus: a.maxCpus,
    use_container_uid: a.useContainerUid,
    default_environment: a.defaultEnvironment,
    status: a.status,
    status_message: a.statusMessage,
    executions: {},
    state: state ?? {},
    create_time: instant(a.createTime),
    last_update_time: instant(a.lastUpdateTime),
    owner: a.owner,
    api_server: apiServer(req),
    revision: a.revision,
    queue: a.queue,
    db_id: dbId,
    id: a.id,
    log_ex: a.logEx,
    cron_on: a.cronOn,
    cron_schedule: a.cronSchedule,
    cron_next_ex: a.cronNextEx,
    tasdir: a.tasdir,
    uid: a.uid,
    gid: a.gid,
    mounts: a.mounts,
    tenant: a.tenant,
    // A Tapis v3 field: the v2 actor model has no such key.
    ...(isV3(req) ? { run_as_executor: a.runAsExecutor } : {}),
    _links: { self, owner: profileUrl(req, a.owner), executions: `${self}/executions` },
  };
}

/** Docker's final state with its two times as instants, as the service stores them. */
function finalState(state: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!state) return null;
  const out = { ...state };
  for (const key of ['StartedAt', 'FinishedAt']) {
    const value = out[key];
    if (typeof value === 'string') out[key] = instant(value) ?? value;
  }
  return out;
}

/** An execution's document (the service's execution model: no `owner`, no `status_message`). */
export function executionDocument(req: Request, actor: ActorRecord, e: ExecutionRecord): StoredDocument {
  const dbId = actorDbId(actor);
  const base = actorsUrl(req, `/${encodeURIComponent(actor.id)}`);
  return {
    _id: `${dbId}_${e.id}`,
    id: e.id,
    actor_id: dbId,
    tenant: actor.tenant,
    api_server: apiServer(req),
    executor: e.executor,
    worker_id: e.workerId,
    status: e.status,
    message_received_time: instant(e.messageReceivedTime),
    start_time: instant(e.startTime),
    finish_time: instant(e.finishTime),
    runtime: e.runtime,
    cpu: e.cpu,
    io: e.io,
    exit_code: e.exitCode,
    final_state: finalState(e.finalState),
    _links: {
      self: `${base}/executions/${encodeURIComponent(e.id)}`,
      owner: profileUrl(req, e.executor),
      logs: `${base}/logs`,
    },
  };
}

/** A worker's document (fidelity §8.2: no `_links`; `ch_name` is `worker_<id>`). */
export function workerDocument(actor: ActorRecord, w: WorkerRecord): StoredDocument {
  const dbId = actorDbId(actor);
  // Records written before workers had a channel name read without one.
  const chName = (w as Partial<Pick<WorkerRecord, 'chName'>>).chName;
  return {
    _id: `${dbId}_${w.id}`,
    id: w.id,
    actor_id: dbId,
    tenant: actor.tenant,
    status: w.status,
    image: w.image,
    cid: w.cid,
    location: w.location,
    host_id: w.hostId,
    host_ip: w.hostIp,
    ch_name: chName ?? `worker_${w.id}`,
    last_execution_time: instant(w.lastExecutionTime),
    last_health_check_time: instant(w.lastHealthCheckTime),
    create_time: instant(w.createTime),
  };
}

/** A finished execution's logs document, keyed (`_id`) by the execution id. */
export function logDocument(
  req: Request,
  actor: ActorRecord,
  executionId: string,
  text: string,
): StoredDocument {
  const execution = actorsUrl(
    req,
    `/${encodeURIComponent(actor.id)}/executions/${encodeURIComponent(executionId)}`,
  );
  return {
    _id: executionId,
    logs: text,
    actor_id: actorDbId(actor),
    tenant: actor.tenant,
    _links: { self: `${execution}/logs`, owner: profileUrl(req, actor.owner), execution },
  };
}
