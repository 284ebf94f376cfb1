import type { ActorRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { addInterval, formatCronTime, parseCronTime, type CronUnit } from './cron.js';

const INCREMENT = /\+\s*(\d+)\s*(hour|day|week|month)s?\s*$/i;

/** Actors whose cron is on and whose next execution time has come. The worker pool (next issue) sends their messages. */
export function dueCronActors(store: Store, now: Date): ActorRecord[] {
  return store.actors.all().filter((a) => {
    if (!a.cronOn || !a.cronNextEx) return false;
    const next = parseCronTime(a.cronNextEx);
    return next !== null && next.getTime() <= now.getTime();
  });
}

/** Moves an actor's `cronNextEx` past `now` after a cron execution was sent; answers the new value. */
export function advanceCron(store: Store, actorId: string, now: Date): string | null {
  return store.transaction(() => {
    const actor = store.actors.get(actorId);
    const m = actor?.cronSchedule ? INCREMENT.exec(actor.cronSchedule) : null;
    let next = actor?.cronNextEx ? parseCronTime(actor.cronNextEx) : null;
    if (!actor || !m || !next) return null;
    const unit = (m[2] ?? 'hour').toLowerCase() as CronUnit;
    while (next.getTime() <= now.getTime()) next = addInterval(next, Number(m[1]), unit);
    const cronNextEx = formatCronTime(next);
    store.actors.replace({ ...actor, cronNextEx });
    return cronNextEx;
  });
}
