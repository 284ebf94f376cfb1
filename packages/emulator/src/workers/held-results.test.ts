import { afterEach, describe, expect, it } from 'vitest';
import { fillDisk } from '../../test/full-disk.js';
import { Store } from '../store/store.js';
import { droppedResultsNote, HeldResults } from './held-results.js';

const ID = 'E000000000001';
let store: Store;
afterEach(() => store?.close());

function popAll(): string[] {
  const out: string[] = [];
  for (let r = store.results.pop(ID); r; r = store.results.pop(ID)) out.push(r.toString().slice(0, 8));
  return out;
}

const result = (name: string) => Buffer.concat([Buffer.from(name.padEnd(8)), Buffer.alloc(20_000, 1)]);

describe('HeldResults', () => {
  it('writes results as they come while there is space', () => {
    store = new Store({ dataDir: null });
    const results = new HeldResults(store, ID, () => undefined);
    results.push(result('r0'));
    results.push(result('r1'));
    expect(store.results.count(ID)).toBe(2);
  });

  it('holds them in order while the disk is full, never throwing, and writes them once there is space', () => {
    store = new Store({ dataDir: null });
    const free = fillDisk(store);
    const results = new HeldResults(store, ID, () => undefined);
    for (const name of ['r0', 'r1', 'r2']) results.push(result(name));
    expect(store.results.count(ID)).toBe(0);
    expect(() => results.drain()).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    free();
    results.push(result('r3')); // the next result writes the held ones first
    expect(popAll()).toEqual(['r0', 'r1', 'r2', 'r3'].map((n) => n.padEnd(8)));
  });

  it('drops what comes past its cap, and says so through the note once there is space', () => {
    store = new Store({ dataDir: null });
    const free = fillDisk(store);
    const notes: string[] = [];
    const results = new HeldResults(store, ID, (t) => notes.push(Buffer.from(t).toString()), 45_000);
    for (const name of ['r0', 'r1', 'r2', 'r3']) results.push(result(name)); // two fit in 45,000 bytes
    free();
    results.drain();
    expect(popAll()).toEqual(['r0', 'r1'].map((n) => n.padEnd(8)));
    expect(notes).toEqual([Buffer.from(droppedResultsNote(2)).toString()]);
  });
});
