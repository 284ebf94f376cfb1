import { closeSync, constants, openSync, readSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { BinaryMessageError } from './errors.js';

export interface BinaryPipeOptions {
  /** Once data came, how long the pipe may stay empty with a writer still attached before the message is whole. Default 100. */
  idleAfterDataMs?: number;
  /** How long to wait for the first byte while a writer is attached but has written nothing. Default 1000. */
  waitForDataMs?: number;
  /** How often to look again while the pipe is empty. */
  pollMs?: number;
  /**
   * The message's size when the platform says it (the ActorKit emulator does, in ACTORKIT_BINARY_DATA_SIZE): reading
   * stops as soon as that many bytes arrived, with no idle wait, and waits as long as the writer makes progress.
   */
  expectedBytes?: number;
}

/**
 * Reads the binary message from the FIFO at `path`, non-blocking, until it is empty: to end of file once every writer
 * has closed it; or, as the platform keeps its end open (closing it before the reader opens would drop the data),
 * until the pipe has stayed empty for `idleAfterDataMs` after the data. A message larger than the pipe's buffer
 * arrives while it is read, so a brief empty pipe is waited on rather than taken as the end (the Python helper stops
 * at the first empty read). Works on a regular file too.
 */
export async function readBinaryPipe(path: string, options: BinaryPipeOptions = {}): Promise<Uint8Array> {
  const { idleAfterDataMs = 100, waitForDataMs = 1000, pollMs = 2, expectedBytes } = options;
  const known = expectedBytes !== undefined && Number.isSafeInteger(expectedBytes) && expectedBytes >= 0;
  // With a known size, an empty pipe means "not yet" for as long as the writer could still be catching up.
  const idleLimit = (total: number) => (known ? 10_000 : total > 0 ? idleAfterDataMs : waitForDataMs);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BinaryMessageError(
      missing
        ? `there is no binary message: ${path} does not exist. Only a message sent as application/octet-stream has one; check the execution's content type (_abaco_Content_Type)`
        : `could not open the binary message at ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const chunks: Buffer[] = [];
  const buffer = Buffer.allocUnsafe(65_536);
  let total = 0;
  let lastProgress = Date.now();
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'EAGAIN') {
          throw new BinaryMessageError(
            `could not read the binary message at ${path}: ${(cause as Error).message}`,
            {
              cause,
            },
          );
        }
        if (known && total >= expectedBytes) break;
        if (Date.now() - lastProgress >= idleLimit(total)) break;
        await delay(pollMs);
        continue;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
      total += n;
      lastProgress = Date.now();
      if (known && total >= expectedBytes) break;
    }
  } finally {
    closeSync(fd);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}
