/**
 * Cron schedules with the real service's grammar (`models.py Actor.set_cron`, fidelity §8.1): `"<start> + <n> <unit>"`
 * with exactly `" + "` and one space before the unit; the start is `now` / `Now` or `Y-M-D H` (no zero-padding
 * needed: each part is read as Python's `int()` reads it); units are `hour(s) day(s) week(s) month(s)`, case-sensitive.
 * Times are UTC hours. `cronNextEx` is the start as sent, or for `now` and every later step `Y-M-D H` unpadded.
 */
export const CRON_UNITS = ['hour', 'day', 'week', 'month'] as const;
export type CronUnit = (typeof CRON_UNITS)[number];

const UNIT_WORDS: Readonly<Record<string, CronUnit>> = {
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
};

export interface CronSchedule {
  /** The first execution, an exact hour. */
  start: Date;
  increment: number;
  unit: CronUnit;
  /** The `cronNextEx` the service stores for it: the start text verbatim, or the current hour unpadded for `now`. */
  nextEx: string;
}

/** A schedule the service refuses; the message is the service's text (a 400, never a 500). */
export class CronScheduleError extends Error {
  override readonly name = 'CronScheduleError';
}

/**
 * The `parse` library's `"{} + {} {}"` and `"{}-{}-{} {}"`: each `{}` is a lazy `.+?` and the whole text must
 * match, so the first `" + "` splits the start from the rest.
 */
const SCHEDULE = /^(.+?) \+ (.+?) (.+?)$/s;
const START = /^(.+?)-(.+?)-(.+?) (.+?)$/s;
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** Python's `int(text)`: surrounding spaces, a sign and digit-separating underscores are allowed; null otherwise. */
export function pythonInt(text: string): number | null {
  if (!PY_INT.test(text)) return null;
  const n = Number(text.trim().replace(/_/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** Python's `repr()` of a short text, as its `ValueError` messages show it. */
function pyRepr(text: string): string {
  return text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/'/g, "\\'")}'`;
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/**
 * Python's `datetime(year, month, day, hour)`: the same checks in the same order, with its `ValueError` texts.
 * Throws CronScheduleError with that text.
 */
function pythonDatetime(year: number, month: number, day: number, hour: number): Date {
  if (year < 1 || year > 9999) throw new CronScheduleError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new CronScheduleError('month must be in 1..12');
  if (day < 1 || day > daysInMonth(year, month)) throw new CronScheduleError('day is out of range for month');
  if (hour < 0 || hour > 23) throw new CronScheduleError('hour must be in 0..23');
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}

function truncateToHour(d: Date): Date {
  const out = new Date(d.getTime());
  out.setUTCMinutes(0, 0, 0);
  return out;
}

/** Python's `str()` of a datetime at an exact hour: `YYYY-MM-DD HH:00:00`, padded. */
function pythonHourText(d: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:00:00`
  );
}

/** The increment: the service `int()`s it (only for `now`; the emulator always, see parseCronSchedule). */
function readIncrement(text: string): number {
  const increment = pythonInt(text);
  if (increment === null)
    throw new CronScheduleError(`invalid literal for int() with base 10: ${pyRepr(text)}`);
  // The service accepts 0 and negative steps, and its cron tick then never moves past them; refuse them instead.
  if (increment < 1) {
    throw new CronScheduleError(
      `The cron increment must be a whole number of at least 1, got ${text}; e.g. "now + 1 hour"`,
    );
  }
  return increment;
}

function readUnit(text: string): CronUnit {
  const unit = UNIT_WORDS[text];
  if (!unit) throw new CronScheduleError(`${text} is an invalid unit of time`);
  return unit;
}

/**
 * Parses and validates a schedule against `now`, in the service's order: the overall format, the start (format,
 * a real date, not before the current hour), then the increment and the unit. Errors carry the service's texts.
 */
export function parseCronSchedule(text: string, now: Date): CronSchedule {
  const parts = SCHEDULE.exec(text);
  if (!parts) throw new CronScheduleError('The cron is not in the correct format');
  const [, startText = '', incrementText = '', unitText = ''] = parts;
  const hourNow = truncateToHour(now);
  let start: Date;
  let nextEx: string;
  if (startText === 'now' || startText === 'Now') {
    start = hourNow;
    nextEx = formatCronTime(hourNow);
  } else {
    const fields = START.exec(startText)?.slice(1).map(pythonInt);
    if (!fields || fields.some((n) => n === null)) {
      throw new CronScheduleError(`The starting date ${startText} is not in the correct format`);
    }
    const [year, month, day, hour] = fields as [number, number, number, number];
    start = pythonDatetime(year, month, day, hour);
    if (start.getTime() < hourNow.getTime()) {
      throw new CronScheduleError(
        `The starting datetime is old. The current UTC time is ${pythonHourText(hourNow)}`,
      );
    }
    nextEx = startText;
  }
  // The service int()s the increment only for `now` (before it looks at the unit); an explicit start with a bad
  // increment is stored and breaks its cron tick later. The emulator refuses it up front, after the unit.
  if (startText === 'now' || startText === 'Now') {
    const increment = readIncrement(incrementText);
    return { start, increment, unit: readUnit(unitText), nextEx };
  }
  const unit = readUnit(unitText);
  return { start, increment: readIncrement(incrementText), unit, nextEx };
}

/** The step of a stored schedule, or null when it has none the emulator can follow. */
export function cronStep(schedule: string): { increment: number; unit: CronUnit } | null {
  const parts = SCHEDULE.exec(schedule);
  const increment = parts ? pythonInt(parts[2] ?? '') : null;
  const unit = parts ? UNIT_WORDS[parts[3] ?? ''] : undefined;
  return increment !== null && increment >= 1 && unit ? { increment, unit } : null;
}

export function addInterval(d: Date, increment: number, unit: CronUnit): Date {
  const out = new Date(d.getTime());
  if (unit === 'hour') out.setUTCHours(out.getUTCHours() + increment);
  else if (unit === 'day') out.setUTCDate(out.getUTCDate() + increment);
  else if (unit === 'week') out.setUTCDate(out.getUTCDate() + 7 * increment);
  else out.setUTCMonth(out.getUTCMonth() + increment);
  return out;
}

/** `Y-M-D H`, UTC, unpadded, as the service writes `cronNextEx` (e.g. `2079-1-6 20`). */
export function formatCronTime(d: Date): string {
  return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}-${d.getUTCDate()} ${d.getUTCHours()}`;
}

/** Reads a stored `cronNextEx` in any form the service writes: padded, unpadded, or a start as it was sent. */
export function parseCronTime(text: string): Date | null {
  const fields = START.exec(text)?.slice(1).map(pythonInt);
  if (!fields || fields.some((n) => n === null)) return null;
  const [year, month, day, hour] = fields as [number, number, number, number];
  try {
    return pythonDatetime(year, month, day, hour);
  } catch (cause) {
    if (cause instanceof CronScheduleError) return null;
    throw cause;
  }
}

/** The first execution time strictly after `after`, following the schedule from its start. */
export function nextCronTime(schedule: CronSchedule, after: Date): Date {
  let t = schedule.start;
  while (t.getTime() <= after.getTime()) t = addInterval(t, schedule.increment, schedule.unit);
  return t;
}
