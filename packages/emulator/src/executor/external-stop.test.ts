import { describe, expect, it } from 'vitest';
import { externalStopNote } from './external-stop.js';

describe('externalStopNote', () => {
  it('names the signal of a container killed from outside, and the usual causes', () => {
    expect(externalStopNote('container', 137)).toMatch(
      /killed by SIGKILL \(exit 137\) .*Docker engine stopping/,
    );
    expect(externalStopNote('container', 143)).toMatch(/killed by SIGTERM \(exit 143\)/);
  });

  it('says nothing of an ordinary exit, whatever its code', () => {
    expect(externalStopNote('container', 0)).toBeNull();
    expect(externalStopNote('container', 3)).toBeNull();
    expect(externalStopNote('process', 137, { signal: null })).toBeNull(); // exit(137), not a signal
  });

  it('tells an out-of-memory kill apart', () => {
    expect(externalStopNote('container', 137, { oomKilled: true })).toMatch(/ran out of memory .*memLimit/);
  });

  it('takes the signal a process executor saw', () => {
    expect(externalStopNote('process', 137, { signal: 'SIGKILL' })).toMatch(/process was killed by SIGKILL/);
  });
});
