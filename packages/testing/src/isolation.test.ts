import { describe, expect, it } from 'vitest';
import { invoke } from './index.js';
import { counter, echo } from '../test/actors.js';

describe('invoke: isolation and speed', () => {
  it('keeps concurrent invocations apart: each sees only its own message, state and results', async () => {
    const runs = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        invoke(counter, { message: { add: i }, state: { count: 1000 * i } }),
      ),
    );
    runs.forEach((run, i) => {
      expect(run.exitCode).toBe(0);
      expect(run.state).toEqual({ count: 1000 * i + i });
      expect(run.resultsJson()).toEqual([{ count: 1000 * i + i }]);
    });
    expect(new Set(runs.map((r) => r.executionId)).size).toBe(200);
  });

  it('leaves no trace in process.env', async () => {
    const before = { ...process.env };
    await invoke(echo, { message: 'x', env: { SOME_USER_VAR: '1' } });
    expect(process.env).toEqual(before);
  });

  it('runs thousands of invocations per second', async () => {
    const count = 3000;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const run = await invoke(counter, { message: { add: 1 }, state: { count: i } });
      if (run.exitCode !== 0) throw run.error;
    }
    const perSecond = count / ((performance.now() - started) / 1000);
    // Measured well above 10,000/s on an idle 2-core machine; the bound leaves room for a busy one.
    expect(perSecond).toBeGreaterThan(1000);
  });
});

describe.concurrent('invoke: from concurrent tests', () => {
  for (const n of [1, 2, 3, 4, 5, 6]) {
    it(`test ${n} sees only its own invocation`, async ({ expect }) => {
      const first = invoke(counter, { message: { add: n }, state: { count: n * 100 } });
      await new Promise((resolve) => setImmediate(resolve));
      const run = await first;
      expect(run.state).toEqual({ count: n * 101 });
      expect(run.stdout).toContain(run.executionId);
    });
  }
});
