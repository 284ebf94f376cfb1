import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DgramSocket } from 'node-unix-socket';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processPlatform, ResultError } from './index.js';
import { sendDatagram } from './results-socket.js';

let dir: string;
let receiver: DgramSocket;
let socketPath: string;
const received: Buffer[] = [];
let waiters: (() => void)[] = [];
const nextDatagram = (count: number) =>
  new Promise<void>((resolve) => {
    const check = () => (received.length >= count ? resolve() : waiters.push(check));
    check();
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'actorkit-results-'));
  socketPath = join(dir, 'results.sock');
  received.length = 0;
  waiters = [];
  receiver = new DgramSocket();
  receiver.on('data', (data: Buffer) => {
    received.push(data);
    for (const wake of waiters.splice(0)) wake();
  });
  receiver.bind(socketPath);
});

afterEach(() => {
  receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the results socket', () => {
  it('sends each result as one whole datagram, in order', async () => {
    const big = Buffer.alloc(60_000, 7);
    await sendDatagram(socketPath, new TextEncoder().encode('first'));
    await sendDatagram(socketPath, big);
    await nextDatagram(2);
    expect(received[0]?.toString()).toBe('first');
    expect(received[1]?.equals(big)).toBe(true);
  });

  it('is found through ACTORKIT_RESULTS_SOCKET_PATH by the process platform', async () => {
    const platform = processPlatform({ env: { ACTORKIT_RESULTS_SOCKET_PATH: socketPath } });
    await platform.sendResult(Uint8Array.of(1, 2, 3));
    await nextDatagram(1);
    expect([...(received[0] ?? [])]).toEqual([1, 2, 3]);
  });

  it('says so when there is no results socket', async () => {
    const error = await sendDatagram(join(dir, 'absent.sock'), Uint8Array.of(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResultError);
    expect((error as Error).message).toMatch(/results socket .*absent\.sock does not exist/);
  });
});
