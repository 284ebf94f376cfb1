/** Where the emulator reads the time: injectable so tests (and cron) can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO 8601, as every time the emulator writes. */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
