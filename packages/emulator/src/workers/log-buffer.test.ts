import { afterEach, describe, expect, it } from 'vitest';
import { fillDisk } from '../../test/full-disk.js';
import { Store } from '../store/store.js';
import { droppedLogNote, LogBuffer } from './log-buffer.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ID = 'E000000000001';
let store: Store;
afterEach(() => store?.close());

function setup() {
  store = new Store({ dataDir: null });
  return { free: fillDisk(store) };
}

describe('LogBuffer on a full disk', () => {
  it('holds the log while the disk is full, never throwing from its timers, and writes it once there is space', async () => {
    const { free } = setup();
    const logs = new LogBuffer(store, ID, 5, 64 * 1024);
    for (let i = 0; i < 4; i++) logs.push(Buffer.alloc(50_000, 'a'.charCodeAt(0) + i)); // past maxBytes: flushes at once
    await sleep(30);
    expect(store.logs.get(ID)).toBe('');
    free();
    await sleep(700); // the next try, half a second on
    const text = store.logs.get(ID);
    expect(text).toBe(['a', 'b', 'c', 'd'].map((c) => c.repeat(50_000)).join(''));
  });

  it('throws from an explicit flush while full, keeping every byte for the next one', () => {
    const { free } = setup();
    const logs = new LogBuffer(store, ID, 60_000);
    logs.push(Buffer.alloc(50_000, 'x'));
    logs.push(Buffer.from([0xc3])); // half of "é": the final flush writes it as it is
    expect(() => logs.flush(true)).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    expect(() => logs.flush(true)).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    free();
    logs.flush(true);
    expect(Buffer.byteLength(store.logs.get(ID))).toBeGreaterThanOrEqual(50_001);
    expect(store.logs.get(ID).startsWith('x'.repeat(50_000))).toBe(true);
  });

  it('holds at most holdBytes, and says in the log how much it dropped', async () => {
    const { free } = setup();
    const logs = new LogBuffer(store, ID, 5, 256 * 1024, 60_000);
    logs.push(Buffer.alloc(50_000, 'a'));
    await sleep(30); // the first write found the disk full
    logs.push(Buffer.alloc(8_000, 'b'));
    logs.push(Buffer.alloc(9_000, 'c')); // past the 60,000 held: dropped
    logs.push(Buffer.alloc(20_000, 'd')); // dropped
    free();
    logs.flush(true);
    expect(store.logs.get(ID)).toBe(`${'a'.repeat(50_000)}${'b'.repeat(8_000)}${droppedLogNote(29_000)}`);
    logs.push(Buffer.from('after\n'));
    logs.flush(true);
    expect(store.logs.get(ID).endsWith(`${droppedLogNote(29_000)}after\n`)).toBe(true);
  });

  it('drops a batch it cannot write for another reason (the store closed) without throwing from a timer', async () => {
    setup();
    const logs = new LogBuffer(store, ID, 5);
    logs.push(Buffer.from('late output'));
    store.close();
    await sleep(30); // an uncaught exception here would fail the run
    expect(store.isOpen).toBe(false);
  });
});
