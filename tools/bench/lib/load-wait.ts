import { loadavg } from 'node:os';
import { out } from './output.js';

/**
 * Waits (up to `maxMs`, looking every 30 s) until the 1-minute load is below `below`, so the figures are not taken
 * while other work runs on the machine. Answers the load when it stopped waiting.
 */
export async function waitForQuietMachine(below = 1.0, maxMs = 600_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const load = loadavg()[0] ?? 0;
    if (load < below) return load;
    if (Date.now() >= deadline) {
      out.line(
        `the 1-minute load is still ${load.toFixed(2)} after ${maxMs / 60_000} min: measuring anyway (the doc notes it)`,
      );
      return load;
    }
    out.line(`the 1-minute load is ${load.toFixed(2)} (want < ${below}): waiting 30 s`);
    await new Promise((r) => setTimeout(r, 30_000));
  }
}
