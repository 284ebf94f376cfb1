import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
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

  it('a connection that never sent a request does not hold stopping up (clients open them ahead of use)', async () => {
    const emu = await startTestEmulator({ shutdownTimeoutMs: 10_000 });
    const { port } = new URL(emu.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const started = performance.now();
    await emu.dispose();
    await closed; // the emulator cut it; it would otherwise stay open until the 10 s time-out
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
