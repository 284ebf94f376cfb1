import { displayTime, type ActorDisplay } from '@actorkit/api';
import type { Request } from 'express';
import type { ActorRecord } from '../store/records.js';
import { actorsUrl, profileUrl } from './links.js';

/** `runAsExecutor` is a Tapis v3 field: only the `/v3/actors` base shows it. */
function isV3(req: Request): boolean {
  return req.baseUrl.startsWith('/v3/');
}

/**
 * The service's actor display (`models.py Actor.display`, fidelity §2.1): the record without `tenant`, times as
 * `display_time` writes them, links on `{api_server}/actors/v2`. Reply with ActorDisplaySchema (kind 'model'), so
 * camel case drops the null fields and snake case keeps them.
 */
export function actorView(req: Request, a: ActorRecord, state: unknown): ActorDisplay {
  const self = actorsUrl(req, `/${encodeURIComponent(a.id)}`);
  return {
    id: a.id,
    name: a.name,
    image: a.image,
    description: a.description,
    owner: a.owner,
    status: a.status,
    statusMessage: a.statusMessage,
    stateless: a.stateless,
    type: a.type,
    link: a.link,
    token: a.token,
    webhook: a.webhook,
    hints: a.hints,
    privileged: a.privileged,
    maxWorkers: a.maxWorkers,
    memLimit: a.memLimit,
    maxCpus: a.maxCpus,
    useContainerUid: a.useContainerUid,
    defaultEnvironment: a.defaultEnvironment,
    state: state ?? {},
    mounts: a.mounts,
    revision: a.revision,
    queue: a.queue,
    logEx: a.logEx,
    cronOn: a.cronOn,
    cronSchedule: a.cronSchedule,
    cronNextEx: a.cronNextEx,
    createTime: displayTime(a.createTime),
    lastUpdateTime: displayTime(a.lastUpdateTime),
    uid: a.uid,
    gid: a.gid,
    tasdir: a.tasdir,
    ...(isV3(req) ? { runAsExecutor: a.runAsExecutor } : {}),
    _links: { self, owner: profileUrl(req, a.owner), executions: `${self}/executions` },
  };
}
