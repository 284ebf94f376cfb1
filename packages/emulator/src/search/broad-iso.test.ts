import { describe, expect, it } from 'vitest';
import { parseBroadIso } from './broad-iso.js';

const iso = (text: string) => parseBroadIso(text)?.toISOString() ?? null;

describe('parseBroadIso (broad_ISO_to_datetime)', () => {
  it('reads every prefix from the year alone to microseconds, as UTC when no zone is given', () => {
    expect(iso('2000')).toBe('2000-01-01T00:00:00.000Z');
    expect(iso('2000-05')).toBe('2000-05-01T00:00:00.000Z');
    expect(iso('2000-05-06')).toBe('2000-05-06T00:00:00.000Z');
    expect(iso('2000-05-06T07')).toBe('2000-05-06T07:00:00.000Z');
    expect(iso('2000-01-01T01:00')).toBe('2000-01-01T01:00:00.000Z');
    expect(iso('2000-05-06T07:08:09')).toBe('2000-05-06T07:08:09.000Z');
    expect(iso('2000-05-06T07:08:09.123456')).toBe('2000-05-06T07:08:09.123Z');
    expect(iso('2000-05-06T07:08:09.5')).toBe('2000-05-06T07:08:09.500Z');
  });

  it('converts a trailing Z or an offset to the instant it names', () => {
    expect(iso('2000-05:00')).toBe('2000-01-01T05:00:00.000Z');
    expect(iso('2000-01-01T01:00Z')).toBe('2000-01-01T01:00:00.000Z');
    expect(iso('2000-01-01T01:00:00.000001+02:00')).toBe('1999-12-31T23:00:00.000Z');
    expect(iso('2000-01-01T01:00-0130')).toBe('2000-01-01T02:30:00.000Z');
  });

  it('keeps years below 100 as themselves', () => {
    expect(parseBroadIso('0042')?.getUTCFullYear()).toBe(42);
  });

  it('refuses what is not a broad ISO-8601 datetime', () => {
    for (const bad of [
      '',
      '20',
      'yesterday',
      '2000-13',
      '2001-02-29',
      '2000-01-01 01:00',
      '2000-01-01T24:00',
      '2000-01-01T01:00:00.1234567',
      '2000-01-01T01:00+25:00',
      '2000-01-01Tx',
      '0000',
    ]) {
      expect(parseBroadIso(bad), bad).toBeNull();
    }
    expect(iso('2000-02-29')).toBe('2000-02-29T00:00:00.000Z');
  });
});
