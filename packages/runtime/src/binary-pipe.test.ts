import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BinaryMessageError, readBinaryPipe } from './index.js';

let dir: string;
let fifo: string;
const fds: number[] = [];
const open = (flags: number) => {
  const fd = openSync(fifo, flags);
  fds.push(fd);
  return fd;
};
const close = (fd: number) => {
  fds.splice(fds.indexOf(fd), 1);
  closeSync(fd);
};
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256);
/** Byte-wise equality without the matcher's element-by-element diffing, which is slow for large arrays. */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'actorkit-pipe-'));
  fifo = join(dir, '_abaco_binary_data');
  execFileSync('mkfifo', [fifo]);
  // A reader the test holds, so writers can attach before readBinaryPipe opens its own end.
  open(constants.O_RDONLY | constants.O_NONBLOCK);
});

afterEach(() => {
  for (const fd of fds.splice(0)) closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
});

describe('readBinaryPipe', () => {
  it('reads a message whose writer has closed, to end of file', async () => {
    const writer = open(constants.O_WRONLY | constants.O_NONBLOCK);
    writeSync(writer, bytes(1000));
    close(writer);
    expect(await readBinaryPipe(fifo)).toEqual(bytes(1000));
  });

  it('reads a message whose writer stays open, until the pipe stays empty', async () => {
    const writer = open(constants.O_WRONLY | constants.O_NONBLOCK);
    writeSync(writer, bytes(5000));
    expect(await readBinaryPipe(fifo, { idleAfterDataMs: 30 })).toEqual(bytes(5000));
  });

  it('with the size known, stops at exactly that many bytes without waiting for the pipe to stay empty', async () => {
    const writer = open(constants.O_WRONLY | constants.O_NONBLOCK);
    writeSync(writer, bytes(5000));
    const started = Date.now();
    const read = await readBinaryPipe(fifo, { expectedBytes: 5000, idleAfterDataMs: 5000 });
    expect(same(read, bytes(5000))).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    const empty = Date.now();
    expect(await readBinaryPipe(fifo, { expectedBytes: 0, waitForDataMs: 5000 })).toEqual(new Uint8Array(0));
    expect(Date.now() - empty).toBeLessThan(1000);
  });

  it('reads a message larger than the pipe buffer while it is still being written', async () => {
    const message = bytes(300_000);
    const writer = open(constants.O_WRONLY | constants.O_NONBLOCK);
    const writing = (async () => {
      let offset = 0;
      while (offset < message.length) {
        try {
          offset += writeSync(writer, message, offset, Math.min(16_384, message.length - offset));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      close(writer);
    })();
    const read = await readBinaryPipe(fifo);
    await writing;
    expect(read.length).toBe(message.length);
    expect(same(read, message)).toBe(true);
  });

  it('answers an empty message when the writer attached but wrote nothing', async () => {
    open(constants.O_WRONLY | constants.O_NONBLOCK);
    expect(await readBinaryPipe(fifo, { waitForDataMs: 20 })).toEqual(new Uint8Array(0));
  });

  it('reads a regular file (what a process executor may give)', async () => {
    const file = join(dir, 'message.bin');
    writeFileSync(file, bytes(70_000));
    expect(same(await readBinaryPipe(file), bytes(70_000))).toBe(true);
  });

  it('says there is no binary message when the pipe does not exist', async () => {
    const error = await readBinaryPipe(join(dir, 'absent')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BinaryMessageError);
    expect((error as Error).message).toMatch(
      /there is no binary message: .*absent does not exist.*_abaco_Content_Type/,
    );
  });
});
