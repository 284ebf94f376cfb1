import { describe, expect, it } from 'vitest';
import { displayTime } from './display-time.js';

// models.py display_time: `t.isoformat().replace('000', 'Z')`, and "None" for no time.
describe('displayTime', () => {
  it.each([
    [null, 'None'],
    ['2026-12-03T01:26:42.000Z', '2026-12-03T01:26:42'],
    ['2026-12-03T01:26:42.123Z', '2026-12-03T01:26:42.123Z'],
    ['2026-12-03T01:26:42.090Z', '2026-12-03T01:26:42.09Z0'],
    ['2026-12-03T01:26:42.100Z', '2026-12-03T01:26:42.1Z00'],
    ['2000-01-01T00:00:00.000Z', '2Z-01-01T00:00:00'],
  ])('shows %s as %s', (time, shown) => {
    expect(displayTime(time)).toBe(shown);
  });
});
