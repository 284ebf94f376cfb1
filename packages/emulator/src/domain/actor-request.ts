import { PRIVILEGED_ACTOR_FIELDS, type ActorRequestParsed } from '@actorkit/api';
import { isPrivileged, type Identity } from '../auth/identity.js';
import { HttpError } from '../http/http-error.js';
import type { ActorRecord } from '../store/records.js';
import { CronScheduleError, formatCronTime, parseCronSchedule } from './cron.js';

export interface ActorDraft {
  id: string;
  input: ActorRequestParsed;
  identity: Identity;
  now: Date;
  /** The actor being updated; null on add. */
  previous: ActorRecord | null;
}

function checkPrivilegedFields(input: ActorRequestParsed, identity: Identity): void {
  if (isPrivileged(identity)) return;
  for (const field of PRIVILEGED_ACTOR_FIELDS) {
    const value = input[field];
    if (value !== undefined && value !== null && value !== false && value !== '') {
      throw HttpError.forbidden(
        `${field} may only be set by privileged users and admins, and ${identity.user} is neither; leave ${field} out`,
      );
    }
  }
}

function cronFields(draft: ActorDraft): Pick<ActorRecord, 'cronSchedule' | 'cronOn' | 'cronNextEx'> {
  const { input, previous, now } = draft;
  const schedule = input.cronSchedule?.trim() || null;
  if (!schedule) {
    if (input.cronOn)
      throw HttpError.badRequest('cronOn needs a cronSchedule, e.g. "now + 1 hour"; send both');
    return { cronSchedule: null, cronOn: false, cronNextEx: null };
  }
  const cronOn = input.cronOn ?? true;
  if (previous?.cronSchedule === schedule && previous.cronNextEx) {
    return { cronSchedule: schedule, cronOn, cronNextEx: previous.cronNextEx };
  }
  try {
    const parsed = parseCronSchedule(schedule, now);
    return { cronSchedule: schedule, cronOn, cronNextEx: formatCronTime(parsed.start) };
  } catch (cause) {
    if (cause instanceof CronScheduleError) throw HttpError.badRequest(cause.message, cause);
    throw cause;
  }
}

/**
 * The actor a register or update request describes, with the service's rules: privileged fields need a privileged
 * role; a stateful actor has one worker (no maxWorkers) and never becomes stateless; a new image (or `force`)
 * raises the revision and sets SUBMITTED; other fields are replaced by the request's (or their defaults).
 */
export function actorFromRequest(draft: ActorDraft): ActorRecord {
  const { input, identity, previous, now } = draft;
  checkPrivilegedFields(input, identity);
  const stateless = input.stateless ?? previous?.stateless ?? true;
  if (previous && previous.stateless === false && stateless) {
    throw HttpError.badRequest(
      `actor ${previous.id} is stateful and cannot become stateless; register a new actor instead`,
    );
  }
  if (!stateless && input.maxWorkers !== undefined) {
    throw HttpError.badRequest(
      'a stateful actor (stateless: false) has exactly one worker; leave maxWorkers out',
    );
  }
  const replace = previous ? previous.image !== input.image || input.force === true : true;
  const time = now.toISOString();
  return {
    id: draft.id,
    tenant: previous?.tenant ?? identity.tenant,
    owner: previous?.owner ?? identity.user,
    name: input.name ?? null,
    image: input.image,
    description: input.description ?? '',
    status: replace ? 'SUBMITTED' : (previous?.status ?? 'SUBMITTED'),
    statusMessage: replace ? '' : (previous?.statusMessage ?? ''),
    stateless,
    privileged: input.privileged ?? false,
    defaultEnvironment: input.defaultEnvironment ?? {},
    token: input.token ?? true,
    useContainerUid: input.useContainerUid ?? false,
    maxWorkers: input.maxWorkers ?? null,
    memLimit: input.memLimit ?? null,
    maxCpus: input.maxCpus ?? null,
    queue: input.queue ?? 'default',
    hints: input.hints ?? [],
    link: input.link ?? '',
    webhook: input.webhook ?? '',
    ...cronFields(draft),
    logEx: input.logEx ?? null,
    runAsExecutor: input.runAsExecutor ?? false,
    revision: previous ? previous.revision + (replace ? 1 : 0) : 1,
    createTime: previous?.createTime ?? time,
    lastUpdateTime: time,
  };
}
