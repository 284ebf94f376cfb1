import { describe, expect, it } from 'vitest';
import { parsePyFloat, parsePyInt } from './py-number.js';

describe("Python's int() and float() on query text", () => {
  it('reads ints with a sign, surrounding spaces and underscores between digits', () => {
    expect(parsePyInt('42')).toBe(42);
    expect(parsePyInt(' -3 ')).toBe(-3);
    expect(parsePyInt('+1_000')).toBe(1000);
    for (const bad of ['', '1.5', '0x10', '1__0', '_1', 'ten', '1e3'])
      expect(parsePyInt(bad), bad).toBeNull();
  });

  it('reads floats as Python does, and nothing JavaScript alone would', () => {
    expect(parsePyFloat('1.5')).toBe(1.5);
    expect(parsePyFloat('.5')).toBe(0.5);
    expect(parsePyFloat('5.')).toBe(5);
    expect(parsePyFloat('1e3')).toBe(1000);
    expect(parsePyFloat(' -2_0.5 ')).toBe(-20.5);
    expect(parsePyFloat('-Infinity')).toBe(-Infinity);
    expect(parsePyFloat('inf')).toBe(Infinity);
    expect(parsePyFloat('NaN')).toBeNaN();
    for (const bad of ['', ' ', '0x10', '1,5', 'abc', '[1]', '1e', '.'])
      expect(parsePyFloat(bad), bad).toBeNull();
  });
});
