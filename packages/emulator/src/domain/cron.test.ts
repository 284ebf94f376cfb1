import { describe, expect, it } from 'vitest';
import {
  CronScheduleError,
  cronStep,
  formatCronTime,
  nextCronTime,
  parseCronSchedule,
  parseCronTime,
  pythonInt,
} from './cron.js';

const NOW = new Date('2030-03-10T14:25:00Z');

function rejection(text: string): string {
  try {
    parseCronSchedule(text, NOW);
  } catch (cause) {
    expect(cause).toBeInstanceOf(CronScheduleError);
    return (cause as Error).message;
  }
  throw new Error(`${text} was accepted`);
}

describe('cron schedules', () => {
  it('parses a start and an increment in each unit, singular or plural', () => {
    expect(parseCronSchedule('2030-03-10 15 + 1 hour', NOW)).toEqual({
      start: new Date('2030-03-10T15:00:00Z'),
      increment: 1,
      unit: 'hour',
      nextEx: '2030-03-10 15',
    });
    expect(parseCronSchedule('2030-04-01 00 + 3 days', NOW).unit).toBe('day');
    expect(parseCronSchedule('2030-04-01 00 + 2 weeks', NOW).unit).toBe('week');
    expect(parseCronSchedule('2030-04-01 00 + 1 months', NOW).unit).toBe('month');
  });

  it('needs no zero-padding and keeps the start verbatim as the next execution', () => {
    expect(parseCronSchedule('2078-9-6 20 + 1 hour', NOW).nextEx).toBe('2078-9-6 20');
    expect(parseCronSchedule('2078-09-6 20 + 1 hour', NOW).nextEx).toBe('2078-09-6 20');
    const s = parseCronSchedule('2078-09-06 5 + 1 day', NOW);
    expect(s.start).toEqual(new Date('2078-09-06T05:00:00Z'));
    expect(s.nextEx).toBe('2078-09-06 5');
  });

  it('treats now and Now as the current hour, written unpadded', () => {
    const early = new Date('2030-03-05T04:59:00Z');
    expect(parseCronSchedule('now + 6 hours', early).nextEx).toBe('2030-3-5 4');
    expect(parseCronSchedule('Now + 6 hours', early).start).toEqual(new Date('2030-03-05T04:00:00Z'));
    expect(formatCronTime(parseCronSchedule('2030-03-10 14 + 1 day', NOW).start)).toBe('2030-3-10 14');
  });

  it.each([
    ['now+1 hour', 'The cron is not in the correct format'],
    ['now + 1hour', 'The cron is not in the correct format'],
    ['every day', 'The cron is not in the correct format'],
    ['tomorrow + 1 day', 'The starting date tomorrow is not in the correct format'],
    ['NOW + 1 day', 'The starting date NOW is not in the correct format'],
    ['2030-03-11T10 + 1 day', 'The starting date 2030-03-11T10 is not in the correct format'],
    ['2030-x-11 10 + 1 day', 'The starting date 2030-x-11 10 is not in the correct format'],
    ['2030-13-01 10 + 1 day', 'month must be in 1..12'],
    ['2030-02-30 10 + 1 day', 'day is out of range for month'],
    ['2030-03-11 24 + 1 day', 'hour must be in 0..23'],
    ['2030-03-10 13 + 1 hour', 'The starting datetime is old. The current UTC time is 2030-03-10 14:00:00'],
    [
      '2030-03-10 13 + 1 fortnight',
      'The starting datetime is old. The current UTC time is 2030-03-10 14:00:00',
    ],
    ['now + 1 fortnight', 'fortnight is an invalid unit of time'],
    ['now + 1 Hour', 'Hour is an invalid unit of time'],
    ['now + 1 hour extra', 'hour extra is an invalid unit of time'],
    ['now + x hours', "invalid literal for int() with base 10: 'x'"],
    ['2030-04-01 00 + x hours', "invalid literal for int() with base 10: 'x'"],
  ])('rejects %s with the service text', (text, message) => {
    expect(rejection(text)).toBe(message);
  });

  it('refuses a step that would never advance (the service stores it)', () => {
    expect(rejection('now + 0 hours')).toMatch(/^The cron increment must be a whole number of at least 1/);
  });

  it('reads the step of a stored schedule', () => {
    expect(cronStep('2078-9-6 20 + 2 weeks')).toEqual({ increment: 2, unit: 'week' });
    expect(cronStep('now + 1 Hour')).toBeNull();
  });

  it('reads next execution times padded, unpadded or as the start was sent', () => {
    expect(parseCronTime('2030-01-01 10')).toEqual(new Date('2030-01-01T10:00:00Z'));
    expect(parseCronTime('2030-1-1 9')).toEqual(new Date('2030-01-01T09:00:00Z'));
    expect(parseCronTime('2078-09-6 20')).toEqual(new Date('2078-09-06T20:00:00Z'));
    expect(parseCronTime('2030-02-30 10')).toBeNull();
    expect(parseCronTime('soon')).toBeNull();
  });

  it('reads parts as Python int() does', () => {
    expect(pythonInt(' 7 ')).toBe(7);
    expect(pythonInt('+1_0')).toBe(10);
    expect(pythonInt('1.5')).toBeNull();
    expect(pythonInt('')).toBeNull();
  });

  it('computes the next execution time after a moment', () => {
    const s = parseCronSchedule('2030-03-10 15 + 2 hours', NOW);
    expect(formatCronTime(nextCronTime(s, new Date('2030-03-10T18:30:00Z')))).toBe('2030-3-10 19');
    const monthly = parseCronSchedule('2030-01-31 00 + 1 month', new Date('2030-01-01T00:00:00Z'));
    expect(formatCronTime(nextCronTime(monthly, new Date('2030-02-01T00:00:00Z')))).toBe('2030-3-3 0');
  });
});
