import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { actorRecord } from '../../test/actor-record.js';
import { fillDisk } from '../../test/full-disk.js';
import { DISK_FULL_MESSAGE } from '../store/disk-full.js';
import { Store } from '../store/store.js';
import { errorHandler } from './error-handler.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

/** An app whose routes fail as a full disk makes them fail: SQLite's SQLITE_FULL, a file's ENOSPC. */
async function app() {
  const store = new Store({ dataDir: null });
  const free = fillDisk(store);
  const a = express();
  a.post('/store', (_req, res) => {
    store.createActor(actorRecord('A000000000001', { defaultEnvironment: { PAD: 'p'.repeat(50_000) } }));
    res.json({ ok: true });
  });
  a.post('/file', async () => {
    await writeFile('/dev/full', 'x');
  });
  a.post('/bug', () => {
    throw new TypeError('x is undefined');
  });
  a.use(errorHandler());
  const server = a.listen(0, '127.0.0.1');
  await once(server, 'listening');
  close = () => {
    server.close();
    store.close();
  };
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, store, free };
}

describe('the error handler on a full disk', () => {
  it('answers a write the store refused with 507 and the envelope saying what to do', async () => {
    const { url, store, free } = await app();
    const res = await fetch(`${url}/store`, { method: 'POST' });
    expect(res.status).toBe(507);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ result: null, status: 'error', message: DISK_FULL_MESSAGE });
    expect(body.message).toMatch(/disk is full/);
    expect(body.message).toMatch(/[Ff]ree space/);
    expect(store.actors.get('A000000000001')).toBeNull(); // nothing half-written
    free();
    expect((await fetch(`${url}/store`, { method: 'POST' })).status).toBe(200); // by itself, once there is room
  });

  it("answers a file write's ENOSPC with 507 too", async () => {
    const { url } = await app();
    const res = await fetch(`${url}/file`, { method: 'POST' });
    expect(res.status).toBe(507);
    expect(((await res.json()) as { message: string }).message).toBe(DISK_FULL_MESSAGE);
  });

  it('still answers other unexpected errors with 500', async () => {
    const { url } = await app();
    expect((await fetch(`${url}/bug`, { method: 'POST' })).status).toBe(500);
  });
});
