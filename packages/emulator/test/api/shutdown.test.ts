import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noopWorkerPool, Store } from '../../src/index.js';
import { raw, startTestEmulator, USERS, waitFor } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'actorkit-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graceful shutdown', () => {
  it('finishes an in-flight request and its writes before closing the store', async () => {
    let release: () => void = () => {};
    let entered = false;
    const held = new Promise<void>((r) => (release = r));
    const emu = await startTestEmulator({
      inMemory: false,
      dataDir: dir,
      workerPool: {
        ...noopWorkerPool,
        // Holds the request open after the actor is committed, while dispose() starts.
        actorUpdated: async () => {
          entered = true;
          await held;
        },
      },
    });
    const actor = await emu.client.add({ image: 'img/before', stateless: false });
    const inFlight = raw(emu, 'PUT', `/actors/v2/${actor.id}`, {
      token: USERS.admin.token,
      json: { image: 'img/after', stateless: false },
    });
    await waitFor(() => (entered ? true : undefined));
    let disposed = false;
    const disposing = emu.dispose().then(() => (disposed = true));
    await new Promise((r) => setImmediate(r));
    expect(disposed).toBe(false);
    await expect(fetch(`${emu.url}/actors/v2`)).rejects.toThrow();
    release();
    const res = await inFlight;
    await disposing;
    expect(res.status).toBe(200);
    expect(emu.store.isOpen).toBe(false);
    const reopened = new Store({ dataDir: dir });
    expect(reopened.actors.get(actor.id)).toMatchObject({ image: 'img/after', revision: 2 });
    reopened.close();
  });
});
