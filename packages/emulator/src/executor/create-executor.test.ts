import { describe, expect, it } from 'vitest';
import { pingEngine } from '@actorkit/docker';
import { createExecutor } from './create-executor.js';

describe('createExecutor', () => {
  it('gives local processes when asked, and says so', async () => {
    const { executor, reason } = await createExecutor('process');
    expect(executor.kind).toBe('process');
    expect(reason).toMatch(/local processes .*as asked/);
    await executor[Symbol.asyncDispose]();
  });

  it('auto: Docker when the engine answers, else processes, with the reason', async () => {
    const engine = await pingEngine();
    const { executor, reason } = await createExecutor('auto', { instanceId: 'auto-test' });
    if (engine.ok) {
      expect(executor.kind).toBe('docker');
      expect(reason).toContain(engine.message);
    } else {
      expect(executor.kind).toBe('process');
      expect(reason).toMatch(/does not answer.*restart the emulator/);
    }
    await executor[Symbol.asyncDispose]();
  });
});
