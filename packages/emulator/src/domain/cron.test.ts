import { describe, expect, it } from 'vitest';
import { CronScheduleError, formatCronTime, nextCronTime, parseCronSchedule } from './cron.js';

const NOW = new Date('2030-03-10T14:25:00Z');

describe('cron schedules', () => {
  it('parses a start and an increment in each unit, singular or plural', () => {
    expect(parseCronSchedule('2030-03-10 15 + 1 hour', NOW)).toEqual({
      start: new Date('2030-03-10T15:00:00Z'),
      increment: 1,
      unit: 'hour',
    });
    expect(parseCronSchedule('2030-04-01 00 + 3 days', NOW).unit).toBe('day');
    expect(parseCronSchedule('2030-04-01 00 + 2 weeks', NOW).unit).toBe('week');
    expect(parseCronSchedule('2030-04-01 00 + 1 MONTH', NOW).unit).toBe('month');
  });

  it('treats now as the current hour, and accepts a start in the current hour', () => {
    expect(formatCronTime(parseCronSchedule('now + 6 hours', NOW).start)).toBe('2030-03-10 14');
    expect(formatCronTime(parseCronSchedule('2030-03-10 14 + 1 day', NOW).start)).toBe('2030-03-10 14');
  });

  it.each([
    ['2030-03-10 13 + 1 hour', /in the past/],
    ['now + 1 fortnight', /unknown/],
    ['now + 0 hours', /at least 1/],
    ['2030-02-30 10 + 1 day', /not a real date/],
    ['2030-03-11 24 + 1 day', /not a real date/],
    ['tomorrow', /not a schedule/],
  ])('rejects %s with a message', (text, message) => {
    expect(() => parseCronSchedule(text, NOW)).toThrow(CronScheduleError);
    expect(() => parseCronSchedule(text, NOW)).toThrow(message);
  });

  it('computes the next execution time after a moment', () => {
    const s = parseCronSchedule('2030-03-10 15 + 2 hours', NOW);
    expect(formatCronTime(nextCronTime(s, new Date('2030-03-10T18:30:00Z')))).toBe('2030-03-10 19');
    const monthly = parseCronSchedule('2030-01-31 00 + 1 month', new Date('2030-01-01T00:00:00Z'));
    expect(formatCronTime(nextCronTime(monthly, new Date('2030-02-01T00:00:00Z')))).toBe('2030-03-03 00');
  });
});
