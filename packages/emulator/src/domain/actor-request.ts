import type { ActorRequestParsed, KeyCase } from '@actorkit/api';
import type { Identity } from '../auth/identity.js';
import { HttpError } from '../http/http-error.js';
import type { ActorRecord } from '../store/records.js';
import { tokenDefault, type ActorSettings } from './actor-settings.js';
import { CronScheduleError, parseCronSchedule } from './cron.js';

export interface ActorDraft {
  id: string;
  input: ActorRequestParsed;
  identity: Identity;
  now: Date;
  /** The actor being updated; null on add. */
  previous: ActorRecord | null;
  settings: ActorSettings;
  /** The server's key case: it decides what a PUT without `cronSchedule` keeps (fidelity §3). */
  keyCase: KeyCase;
  /** Validates `link` (fidelity §8.3); called where the service validates it, after the queue. */
  checkLink: (link: string) => void;
}

const STATEFUL_TO_STATELESS =
  'Invalid actor description: an actor that was not stateless cannot be updated to be stateless.';
const STATEFUL_MAX_WORKERS = 'Invalid actor description: stateful actors can only have 1 worker.';
const INVALID_QUEUE = 'Invalid actor description: Invalid queue name.';

function parseSchedule(text: string, now: Date): { cronSchedule: string; cronNextEx: string } {
  try {
    return { cronSchedule: text, cronNextEx: parseCronSchedule(text, now).nextEx };
  } catch (cause) {
    // The service answers an unknown unit or an impossible date with a 500; bad input is a 400 here.
    if (cause instanceof CronScheduleError) throw HttpError.badRequest(cause.message, cause);
    throw cause;
  }
}

/**
 * The cron fields (fidelity §8.1, §3). A POST with a schedule turns cron on. A PUT sets `cronOn` from the request,
 * false when left out; a PUT without a schedule keeps the old one in camel mode (the service's snake-case keys win
 * there) and clears it in snake mode.
 */
function cronFields(draft: ActorDraft): Pick<ActorRecord, 'cronSchedule' | 'cronOn' | 'cronNextEx'> {
  const { input, previous, now } = draft;
  const sent = input.cronSchedule === undefined || input.cronSchedule === '' ? null : input.cronSchedule;
  let fields: Pick<ActorRecord, 'cronSchedule' | 'cronOn' | 'cronNextEx'>;
  if (!previous) {
    fields = sent
      ? { ...parseSchedule(sent, now), cronOn: true }
      : { cronSchedule: null, cronNextEx: null, cronOn: input.cronOn ?? false };
  } else if (sent) {
    fields = { ...parseSchedule(sent, now), cronOn: input.cronOn ?? false };
  } else if (draft.keyCase === 'camel') {
    const { cronSchedule, cronNextEx } = previous;
    fields = { cronSchedule, cronNextEx, cronOn: input.cronOn ?? false };
  } else {
    fields = { cronSchedule: null, cronNextEx: null, cronOn: input.cronOn ?? false };
  }
  if (fields.cronOn && !fields.cronSchedule) {
    throw HttpError.badRequest('cronOn needs a cronSchedule, e.g. "now + 1 hour"; send both');
  }
  return fields;
}

/** The emulator's own refusal (not a service text): privileged actors need an explicit opt-in on a developer's machine. */
export const PRIVILEGED_DISABLED =
  "Privileged actors are disabled in this emulator: a privileged container runs with Docker's --privileged and the Docker socket, which is root on this machine. Start the emulator with --allow-privileged (option allowPrivileged) to allow them.";

/**
 * The actor a register (POST) or update (PUT) request describes, with the service's rules (fidelity §3, §8.5, §9.4,
 * §8.6). On PUT the name, owner, id and create time are kept and every other field left out returns to its
 * default: `stateless` true (so a stateful actor must repeat `stateless: false`), `cronOn` false, `token` the
 * deployment's default. A new image (or `force`) raises the revision and sets SUBMITTED. The privileged-field check
 * runs before this, on the raw body.
 */
export function actorFromRequest(draft: ActorDraft): ActorRecord {
  const { input, identity, previous, now, settings } = draft;
  const stateless = input.stateless ?? true;
  if (previous && !previous.stateless && stateless) throw HttpError.badRequest(STATEFUL_TO_STATELESS);
  // The service tests maxWorkers for truth: 0 passes, and means "not set".
  if (!stateless && input.maxWorkers) throw HttpError.badRequest(STATEFUL_MAX_WORKERS);
  if (input.queue && !settings.queues.includes(input.queue)) {
    throw HttpError.badRequest(
      `${INVALID_QUEUE} This emulator's queues: ${settings.queues.join(', ')} (set them with --queues)`,
    );
  }
  if (input.privileged && !settings.allowPrivileged) throw HttpError.badRequest(PRIVILEGED_DISABLED);
  if (input.link) draft.checkLink(input.link);
  const cron = cronFields(draft);
  const replace = previous ? previous.image !== input.image || input.force === true : true;
  const tenant = previous?.tenant ?? identity.tenant;
  const time = now.toISOString();
  return {
    id: draft.id,
    tenant,
    owner: previous?.owner ?? identity.user,
    name: previous ? previous.name : (input.name ?? null),
    image: input.image,
    description: input.description ?? '',
    status: replace ? 'SUBMITTED' : (previous?.status ?? 'SUBMITTED'),
    statusMessage: replace ? '' : (previous?.statusMessage ?? ''),
    stateless,
    privileged: input.privileged ?? false,
    defaultEnvironment: input.defaultEnvironment ?? {},
    token: input.token ?? tokenDefault(settings, tenant),
    useContainerUid: input.useContainerUid ?? false,
    maxWorkers: input.maxWorkers || null,
    memLimit: input.memLimit ?? null,
    maxCpus: input.maxCpus ?? null,
    queue: input.queue || 'default',
    hints: input.hints ?? [],
    link: input.link ?? '',
    webhook: input.webhook ?? '',
    ...cron,
    logEx: input.logEx ?? null,
    runAsExecutor: input.runAsExecutor ?? false,
    revision: previous ? previous.revision + (replace ? 1 : 0) : 1,
    createTime: previous?.createTime ?? time,
    lastUpdateTime: time,
    type: previous?.type ?? 'none',
    mounts: previous?.mounts ?? [],
    uid: previous?.uid ?? null,
    gid: previous?.gid ?? null,
    tasdir: previous?.tasdir ?? null,
  };
}
