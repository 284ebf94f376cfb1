import { describe, expect, it } from 'vitest';
import type { ActorRecord, WorkerPool, WorkerPoolDeps } from '../../src/index.js';
import { startTestEmulator } from './fixture.js';

/** A pool that records the calls the API makes, and answers force-quit and synchronous messages. */
function recordingPool(
  deps: WorkerPoolDeps,
  calls: string[],
): WorkerPool & { forceQuit(id: string): Promise<boolean> } {
  return {
    runsExecutions: true,
    start: async () => void calls.push(`start ${deps.apiServer()}`),
    actorCreated: async (a: ActorRecord) => {
      calls.push(`created ${a.id}`);
      deps.store.actors.setStatus(a.id, 'READY', '');
    },
    actorUpdated: async (a, change) => void calls.push(`updated ${a.id} ${change.replaceWorkers}`),
    actorDeleted: async (id) => void calls.push(`deleted ${id}`),
    workersAdded: async (_a, ws) => void calls.push(`workers ${ws.length}`),
    workerDeleted: async (_a, w) => void calls.push(`worker deleted ${w}`),
    messageQueued: (_a, e) => void calls.push(`message ${e}`),
    awaitExecution: async (execution) => ({
      body: new TextEncoder().encode(`done ${execution.id}`),
      contentType: 'application/octet-stream',
    }),
    forceQuit: async (id) => {
      calls.push(`force-quit ${id}`);
      return true;
    },
    close: async () => void calls.push('close'),
  };
}

describe('the worker pool seam', () => {
  it('is built from the store and mailbox, started after listen, told of every change, and closed on dispose', async () => {
    const calls: string[] = [];
    const emu = await startTestEmulator({ workerPool: (deps) => recordingPool(deps, calls) });
    expect(calls).toEqual([`start ${emu.url}`]);
    const actor = await emu.client.add({ image: 'img/pool' });
    expect(actor.status).toBe('READY');
    await emu.client.update(actor.id, { image: 'img/pool:2' });
    await emu.client.addWorker(actor.id, { num: 1 });
    const { executionId } = await emu.client.sendMessage(actor.id, 'x');
    const sync = await emu.client.sendSynchronousMessage(actor.id, 'y');
    expect(new TextDecoder().decode(sync.body)).toMatch(/^done /);
    expect(sync.executionId).toMatch(/^[A-Za-z0-9]{13}$/);
    emu.store.markRunning(executionId, 'W1');
    await emu.client.deleteExecution(actor.id, executionId);
    await emu.client.delete(actor.id);
    await emu.dispose();
    expect(calls).toEqual([
      `start ${emu.url}`,
      `created ${actor.id}`,
      `updated ${actor.id} true`,
      'workers 1',
      `message ${executionId}`,
      `message ${sync.executionId}`,
      `force-quit ${executionId}`,
      `deleted ${actor.id}`,
      'close',
    ]);
  });

  it('answers 400 to synchronous messages when nothing runs executions', async () => {
    await using emu = await startTestEmulator();
    const actor = await emu.client.add({ image: 'img/sync' });
    await expect(emu.client.sendSynchronousMessage(actor.id, 'x')).rejects.toMatchObject({
      status: 400,
      serverMessage: /need an executor/,
    });
    expect((await emu.client.getMessages(actor.id)).messages).toBe(0);
  });
});
