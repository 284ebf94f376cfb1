import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { durableAnswers } from './durable-answers.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

/** An app whose store flushes when `release` is called (or fails with `fail`). */
async function appWithFlush() {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const flushed = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  flushed.catch((error: unknown) => void error); // handled by the middleware once a request arrives
  const store = { flushed: () => flushed } as unknown as Store;
  const app = express();
  app.use(durableAnswers(store));
  app.all('/x', (_req, res) => void res.json({ ok: true }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  close = () => server.close();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  return { url, release, fail };
}

describe('durable answers', () => {
  it('holds the answer to a write until the store has flushed', async () => {
    const { url, release } = await appWithFlush();
    let answered = false;
    const answer = fetch(url, { method: 'POST' }).then((r) => ((answered = true), r.json()));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    release();
    await expect(answer).resolves.toEqual({ ok: true });
  });

  it('answers reads at once, but not a read that uses a nonce', async () => {
    const { url, release } = await appWithFlush();
    await expect((await fetch(url)).json()).resolves.toEqual({ ok: true });
    let answered = false;
    const nonce = fetch(`${url}?x-nonce=N1`).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    release();
    await nonce;
  });

  it('cuts the connection, acknowledging nothing, when the disk fails', async () => {
    const { url, fail } = await appWithFlush();
    const answer = fetch(url, { method: 'DELETE' });
    fail(new Error('EIO'));
    await expect(answer).rejects.toThrow();
  });
});
