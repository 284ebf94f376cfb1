/**
 * A full disk, wherever the emulator noticed it: SQLite's SQLITE_FULL (a commit that found no space; the
 * transaction was rolled back whole), or ENOSPC / EDQUOT from a file write (run directories, sockets, FIFOs). It is
 * not a bug of the emulator and not the caller's fault: the API refuses the write with 507 Insufficient Storage and
 * says what to do; workers hold what they must record until the space returns.
 */

/** The codes that mean "no space left": SQLite's, the kernel's, and a user's quota. */
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/** What the API answers to a write refused for lack of space (status 507). */
export const DISK_FULL_MESSAGE =
  "the emulator's disk is full (no space left where its data directory is), so this write was refused and " +
  'nothing of it was stored. Free space on that disk (delete files you no longer need there, or restart the ' +
  'emulator with --data-dir on a disk with room); it takes writes again by itself as soon as there is space. ' +
  'Reads keep working meanwhile.';

/** How long a client is told to wait before trying a refused write again, in seconds. */
export const DISK_FULL_RETRY_AFTER_S = 5;

/** Whether an error (or one of its causes) says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 8 && e !== null && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && FULL_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface WhenSpaceOptions {
  /** Aborted when the caller stops (the pool shuts down): a write still refused then is thrown. */
  signal?: AbortSignal;
  /** How often the write is tried again while the disk is full. Default 500 ms. */
  retryMs?: number;
  /** Called once, when the first try found the disk full. */
  onWait?: (error: unknown) => void;
}

/**
 * Makes a write that must not be lost (an execution's end, its last logs and results): while it fails for a full
 * disk it is tried again every `retryMs`, and what it records stays as it was meanwhile. Other errors are thrown at
 * once; so is a full disk once `signal` is aborted (the next start's recovery ends what was held, as interrupted).
 */
export async function whenSpace<T>(write: () => T, options: WhenSpaceOptions = {}): Promise<T> {
  const { signal, retryMs = 500 } = options;
  for (let tries = 0; ; tries++) {
    try {
      return write();
    } catch (error) {
      if (!isDiskFull(error) || signal?.aborted) throw error;
      if (tries === 0) options.onWait?.(error);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', wake);
          resolve();
        }, retryMs);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }
}
