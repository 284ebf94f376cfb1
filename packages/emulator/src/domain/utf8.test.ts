import { describe, expect, it } from 'vitest';
import { utf8Boundary } from './utf8.js';

describe('utf8Boundary', () => {
  const euro = Buffer.from('a€b€', 'utf8'); // 61 e2 82 ac 62 e2 82 ac

  it('keeps a cut that falls between characters', () => {
    expect(utf8Boundary(euro)).toBe(8);
    expect(utf8Boundary(euro, 4)).toBe(4);
    expect(utf8Boundary(euro, 1)).toBe(1);
    expect(utf8Boundary(euro, 0)).toBe(0);
  });

  it('moves a cut inside a character back to its start', () => {
    expect(utf8Boundary(euro, 2)).toBe(1);
    expect(utf8Boundary(euro, 3)).toBe(1);
    expect(utf8Boundary(euro, 7)).toBe(5);
    expect(utf8Boundary(Buffer.from('😀'), 3)).toBe(0);
  });

  it('treats invalid bytes as whole characters', () => {
    expect(utf8Boundary(Buffer.from([0x80, 0x80, 0x80, 0x80]))).toBe(4);
    expect(utf8Boundary(Buffer.from([0x61, 0xff]))).toBe(2);
  });
});
