import { describe, expect, it } from 'vitest';
import { memoryLimitBytes, MemoryLimitError } from './memory-limit.js';

describe('memoryLimitBytes', () => {
  it('reads Docker notation in powers of 1024', () => {
    expect(memoryLimitBytes('512m')).toBe(512 * 1024 ** 2);
    expect(memoryLimitBytes('2g')).toBe(2 * 1024 ** 3);
    expect(memoryLimitBytes('1.5G')).toBe(1.5 * 1024 ** 3);
    expect(memoryLimitBytes('512MiB')).toBe(512 * 1024 ** 2);
    expect(memoryLimitBytes('10485760')).toBe(10485760);
    expect(memoryLimitBytes(null)).toBeUndefined();
    expect(memoryLimitBytes('')).toBeUndefined();
  });

  it('refuses what Docker would refuse, saying how to write it', () => {
    expect(() => memoryLimitBytes('lots')).toThrow(MemoryLimitError);
    expect(() => memoryLimitBytes('lots')).toThrow(/e\.g\. 512m/);
    expect(() => memoryLimitBytes('1m')).toThrow(/minimum of 6m/);
  });
});
