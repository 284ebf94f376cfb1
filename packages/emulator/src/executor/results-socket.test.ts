import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DgramSocket } from 'node-unix-socket';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES } from '@actorkit/api';
import { LibcError } from './libc.js';
import { ResultsSocket } from './results-socket.js';

function send(path: string, sizes: number[]): Promise<(Error | undefined)[]> {
  const socket = new DgramSocket();
  return Promise.all(
    sizes.map(
      (size, i) =>
        new Promise<Error | undefined>((resolve) =>
          socket.sendTo(Buffer.alloc(size, i + 1), 0, size, path, resolve),
        ),
    ),
  ).finally(() => socket.close());
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('ResultsSocket', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ak-results-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('receives datagrams up to 131,072 bytes whole and in order (node-unix-socket itself cuts at 65,535)', async () => {
    const results: Uint8Array[] = [];
    const socket = await ResultsSocket.open({
      path: join(dir, 'r.sock'),
      onResult: (b) => results.push(b),
      onOversize: () => undefined,
    });
    const sizes = [1, 65_536, 100_000, MAX_RESULT_BYTES, 0];
    expect(await send(socket.path, sizes)).toEqual(sizes.map(() => undefined));
    await until(() => results.length === sizes.length, 'five results');
    expect(results.map((r) => r.length)).toEqual(sizes);
    results.forEach((r, i) => expect(r.every((b) => b === i + 1)).toBe(true));
    expect((await stat(socket.path)).mode & 0o777).toBe(0o666);
    await socket.close();
  });

  it('drops a larger datagram and says how large it was, instead of cutting it', async () => {
    const results: Uint8Array[] = [];
    const oversize: number[] = [];
    const socket = await ResultsSocket.open({
      path: join(dir, 'r.sock'),
      onResult: (b) => results.push(b),
      onOversize: (n) => oversize.push(n),
      pollMs: 1000,
    });
    await send(socket.path, [MAX_RESULT_BYTES + 1, 3]);
    await socket.close(); // the final drain takes both
    expect(oversize).toEqual([MAX_RESULT_BYTES + 1]);
    expect(results.map((r) => r.length)).toEqual([3]);
    await expect(stat(socket.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a path too long for a Unix socket with a typed error', async () => {
    const path = join(dir, 'x'.repeat(120), 'r.sock');
    await expect(
      ResultsSocket.open({ path, onResult: () => undefined, onOversize: () => undefined }),
    ).rejects.toBeInstanceOf(LibcError);
  });
});
