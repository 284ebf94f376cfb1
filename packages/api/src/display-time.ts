/**
 * A time as the service displays it (`models.py display_time`): Python's `isoformat()` of the naive UTC datetime,
 * then every `000` replaced by `Z`. Milliseconds 123 give `...:42.123Z`; whole seconds give `...:42` (no fraction,
 * no Z); a missing time is the string `"None"`.
 */
export function displayTime(time: string | Date | null | undefined): string {
  if (time === null || time === undefined || time === '') return 'None';
  const date = typeof time === 'string' ? new Date(time) : time;
  if (Number.isNaN(date.getTime())) return typeof time === 'string' ? time : 'None';
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const base =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  const iso = ms === 0 ? base : `${base}.${pad(ms, 3)}000`;
  return iso.split('000').join('Z');
}
