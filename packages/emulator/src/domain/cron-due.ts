import type { ActorRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { addInterval, cronStep, formatCronTime, parseCronTime } from './cron.js';

/** Actors whose cron is on and whose next execution time has come. The worker pool sends their messages. */
export function dueCronActors(store: Store, now: Date): ActorRecord[] {
  return store.actors.all().filter((a) => {
    if (!a.cronOn || !a.cronNextEx) return false;
    const next = parseCronTime(a.cronNextEx);
    return next !== null && next.getTime() <= now.getTime();
  });
}

/**
 * Moves an actor's `cronNextEx` past `now` after a cron execution was sent (the service's `set_next_ex` /
 * `set_next_ex_past`), written unpadded as the service writes it; answers the new value.
 */
export function advanceCron(store: Store, actorId: string, now: Date): string | null {
  return store.transaction(() => {
    const actor = store.actors.get(actorId);
    const step = actor?.cronSchedule ? cronStep(actor.cronSchedule) : null;
    let next = actor?.cronNextEx ? parseCronTime(actor.cronNextEx) : null;
    if (!actor || !step || !next) return null;
    while (next.getTime() <= now.getTime()) next = addInterval(next, step.increment, step.unit);
    const cronNextEx = formatCronTime(next);
    store.actors.replace({ ...actor, cronNextEx });
    return cronNextEx;
  });
}
