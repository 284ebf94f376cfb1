import { describe, expect, it } from 'vitest';
import { DeadlineError, limitTimer, withDeadline } from './deadline.js';

describe('deadlines', () => {
  it('rejects with a DeadlineError naming the operation when a promise is late', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withDeadline(never, 20, 'asking the engine')).rejects.toBeInstanceOf(DeadlineError);
    await expect(withDeadline(never, 20, 'asking the engine')).rejects.toThrow(
      /asking the engine did not finish within 20 ms/,
    );
    await expect(withDeadline(Promise.resolve(7), 20, 'x')).resolves.toBe(7);
  });

  it('sets no run-time timer for "no limit", and clamps one Node would fire at once', async () => {
    expect(limitTimer(Number.POSITIVE_INFINITY, () => undefined)).toBeUndefined();
    expect(limitTimer(0, () => undefined)).toBeUndefined();
    let fired = false;
    const timer = limitTimer(1e12, () => (fired = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    clearTimeout(timer);
    expect(fired).toBe(false);
  });
});
