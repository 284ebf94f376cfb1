/**
 * Cron schedules as the real service writes them: `YYYY-MM-DD HH + <n> <hour|day|week|month>[s]`, or
 * `now + <n> <unit>`. Times are UTC hours; `cronNextEx` is written `YYYY-MM-DD HH` as the service does.
 */
export const CRON_UNITS = ['hour', 'day', 'week', 'month'] as const;
export type CronUnit = (typeof CRON_UNITS)[number];

export interface CronSchedule {
  /** The first execution, truncated to the hour. */
  start: Date;
  increment: number;
  unit: CronUnit;
}

export class CronScheduleError extends Error {
  override readonly name = 'CronScheduleError';
}

const EXAMPLE = 'e.g. "2030-01-01 12 + 1 day" or "now + 6 hours"';
const PATTERN = /^\s*(now|(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}))\s*\+\s*(\d+)\s*([A-Za-z]+)\s*$/i;

function truncateToHour(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()));
}

/** Parses and validates a schedule against `now`: an unknown unit or a start in the past is an error. */
export function parseCronSchedule(text: string, now: Date): CronSchedule {
  const m = PATTERN.exec(text);
  if (!m)
    throw new CronScheduleError(
      `cronSchedule "${text}" is not a schedule; write "<YYYY-MM-DD HH|now> + <n> <unit>", ${EXAMPLE}`,
    );
  const word = (m[7] ?? '').toLowerCase();
  const unit = CRON_UNITS.find((u) => word === u || word === `${u}s`);
  if (!unit)
    throw new CronScheduleError(
      `cronSchedule unit "${m[7]}" is unknown; use hour, day, week or month (${EXAMPLE})`,
    );
  const increment = Number(m[6]);
  if (increment < 1) throw new CronScheduleError(`cronSchedule increment must be at least 1 (${EXAMPLE})`);
  const hourNow = truncateToHour(now);
  if (m[1]?.toLowerCase() === 'now') return { start: hourNow, increment, unit };
  const [year, month, day, hour] = [m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number];
  const start = new Date(Date.UTC(year, month - 1, day, hour));
  const valid =
    hour < 24 &&
    start.getUTCFullYear() === year &&
    start.getUTCMonth() === month - 1 &&
    start.getUTCDate() === day;
  if (!valid)
    throw new CronScheduleError(`cronSchedule start "${m[1]}" is not a real date and hour (${EXAMPLE})`);
  if (start.getTime() < hourNow.getTime()) {
    throw new CronScheduleError(
      `cronSchedule starts in the past (${m[1]} UTC, now is ${formatCronTime(hourNow)} UTC); give a start from the current hour on, or "now"`,
    );
  }
  return { start, increment, unit };
}

export function addInterval(d: Date, increment: number, unit: CronUnit): Date {
  const out = new Date(d.getTime());
  if (unit === 'hour') out.setUTCHours(out.getUTCHours() + increment);
  else if (unit === 'day') out.setUTCDate(out.getUTCDate() + increment);
  else if (unit === 'week') out.setUTCDate(out.getUTCDate() + 7 * increment);
  else out.setUTCMonth(out.getUTCMonth() + increment);
  return out;
}

/** `YYYY-MM-DD HH`, UTC. */
export function formatCronTime(d: Date): string {
  return d.toISOString().slice(0, 13).replace('T', ' ');
}

export function parseCronTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]))) : null;
}

/** The first execution time strictly after `after`, following the schedule from its start. */
export function nextCronTime(schedule: CronSchedule, after: Date): Date {
  let t = schedule.start;
  while (t.getTime() <= after.getTime()) t = addInterval(t, schedule.increment, schedule.unit);
  return t;
}
