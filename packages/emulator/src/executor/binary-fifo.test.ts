import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BinaryFifo } from './binary-fifo.js';

/** Reads the FIFO as an actor does: non-blocking, until `size` bytes came (yielding while it is empty). */
async function readAll(path: string, size: number): Promise<Buffer> {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const chunks: Buffer[] = [];
  let total = 0;
  const deadline = Date.now() + 10_000;
  try {
    while (total < size) {
      const buf = Buffer.alloc(65_536);
      let n = 0;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      }
      chunks.push(buf.subarray(0, n));
      total += n;
      if (n === 0) {
        if (Date.now() > deadline) throw new Error(`only ${total} of ${size} bytes`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks);
}

describe('BinaryFifo', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ak-fifo-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds a small message whole before anyone reads, and is removed on close', async () => {
    const fifo = await BinaryFifo.create(join(dir, 'f'), Buffer.from('hello fifo'));
    expect((await stat(fifo.path)).isFIFO()).toBe(true);
    expect(fifo.inPipe).toBe(10);
    expect((await readAll(fifo.path, 10)).toString()).toBe('hello fifo');
    await fifo.close();
    await expect(stat(fifo.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('grows the pipe for a message over 64 KiB, and streams what still does not fit', async () => {
    const medium = randomBytes(500_000);
    const fifo1 = await BinaryFifo.create(join(dir, 'm'), medium);
    expect(fifo1.inPipe).toBe(medium.length);
    expect((await readAll(fifo1.path, medium.length)).equals(medium)).toBe(true);
    await fifo1.close();

    const large = randomBytes(3 * 1024 * 1024);
    const fifo2 = await BinaryFifo.create(join(dir, 'l'), large);
    expect(fifo2.inPipe).toBeLessThan(large.length);
    const got = await readAll(fifo2.path, large.length);
    expect(createHash('sha256').update(got).digest('hex')).toBe(
      createHash('sha256').update(large).digest('hex'),
    );
    await fifo2.close();
  });
});
