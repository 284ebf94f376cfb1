import koffi from 'koffi';

/**
 * The few libc calls Node does not offer: a Unix SOCK_DGRAM socket that receives 131,072-byte datagrams whole,
 * making a named pipe, and growing a pipe's buffer. Node has no Unix datagram sockets, and node-unix-socket receives into a 65,535-byte buffer
 * (a larger datagram is silently cut), so the results socket is made here through koffi (an FFI with prebuilt
 * binaries shipped in its npm package). Every call is non-blocking, on the main thread, in microseconds.
 */

const AF_UNIX = 1;
const SOCK_DGRAM = 2;
const SOCK_NONBLOCK = 0o4000;
const SOCK_CLOEXEC = 0o2000000;
const MSG_TRUNC = 0x20;
const MSG_DONTWAIT = 0x40;
const F_SETPIPE_SZ = 1031;
const F_GETPIPE_SZ = 1032;
/** `sizeof(struct sockaddr_un)` on Linux: a 2-byte family and 108 bytes of path. */
const SOCKADDR_UN_SIZE = 110;
export const MAX_SOCKET_PATH_BYTES = 107;

function errnoName(errno: number): string {
  return Object.entries(koffi.os.errno).find(([, value]) => value === errno)?.[0] ?? `errno ${errno}`;
}

/** A libc call that failed: which call, and errno (`code` is its name, e.g. `EADDRINUSE`). */
export class LibcError extends Error {
  override readonly name = 'LibcError';
  readonly code: string;
  constructor(
    readonly call: string,
    readonly errno: number,
  ) {
    super(`${call} failed: ${errnoName(errno)}`);
    this.code = errnoName(errno);
  }
}

interface Calls {
  socket(domain: number, type: number, protocol: number): number;
  bind(fd: number, addr: Buffer, len: number): number;
  recv(fd: number, buf: Buffer, len: number, flags: number): number;
  close(fd: number): number;
  fcntl(fd: number, cmd: number, arg: number): number;
  mkfifo(path: string, mode: number): number;
}

let calls: Calls | undefined;

function libc(): Calls {
  if (!calls) {
    const self = koffi.load(null); // the running node binary: libc's symbols, whichever libc it links
    calls = {
      socket: self.func('int socket(int, int, int)'),
      bind: self.func('int bind(int, const void *, uint32_t)'),
      recv: self.func('intptr_t recv(int, _Out_ void *, size_t, int)'),
      close: self.func('int close(int)'),
      fcntl: self.func('int fcntl(int, int, int)'),
      mkfifo: self.func('int mkfifo(const char *, uint32_t)'),
    };
  }
  return calls;
}

function check(call: string, result: number): number {
  if (result < 0) throw new LibcError(call, koffi.errno());
  return result;
}

/** A non-blocking Unix SOCK_DGRAM socket bound at `path`; answers its file descriptor. */
export function bindDatagramSocket(path: string): number {
  const bytes = Buffer.from(path);
  if (bytes.length > MAX_SOCKET_PATH_BYTES)
    throw new LibcError(`bind(${path})`, koffi.os.errno.ENAMETOOLONG ?? 36);
  const fd = check(
    'socket(AF_UNIX, SOCK_DGRAM)',
    libc().socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0),
  );
  const addr = Buffer.alloc(SOCKADDR_UN_SIZE);
  addr.writeUInt16LE(AF_UNIX, 0);
  bytes.copy(addr, 2);
  if (libc().bind(fd, addr, SOCKADDR_UN_SIZE) < 0) {
    const error = new LibcError(`bind(${path})`, koffi.errno());
    libc().close(fd);
    throw error;
  }
  return fd;
}

/**
 * Receives one datagram into `buffer` without waiting. Answers its real length (which may exceed the buffer: the
 * datagram was cut), or -1 when none is waiting.
 */
export function receiveDatagram(fd: number, buffer: Buffer): number {
  const n = libc().recv(fd, buffer, buffer.length, MSG_DONTWAIT | MSG_TRUNC);
  if (n >= 0) return n;
  const errno = koffi.errno();
  if (
    errno === koffi.os.errno.EAGAIN ||
    errno === koffi.os.errno.EWOULDBLOCK ||
    errno === koffi.os.errno.EINTR
  ) {
    return -1;
  }
  throw new LibcError('recv', errno);
}

export function closeFd(fd: number): void {
  check('close', libc().close(fd));
}

/** Grows a pipe's buffer to at least `bytes` (the kernel rounds up to pages); answers the size it now has. */
export function setPipeSize(fd: number, bytes: number): number {
  return check('fcntl(F_SETPIPE_SZ)', libc().fcntl(fd, F_SETPIPE_SZ, bytes));
}

/** Makes a named pipe at `path` (mkfifo(3): no `mkfifo` command needed, so it works in a bare image). */
export function makeFifo(path: string, mode: number): void {
  check(`mkfifo(${path})`, libc().mkfifo(path, mode));
}

export function pipeSize(fd: number): number {
  return check('fcntl(F_GETPIPE_SZ)', libc().fcntl(fd, F_GETPIPE_SZ, 0));
}
