/** A memory limit that is not in Docker's notation. */
export class MemoryLimitError extends Error {
  override readonly name = 'MemoryLimitError';
}

const UNITS: Record<string, number> = {
  '': 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};

/**
 * Docker's memory notation (`512m`, `2g`, `1.5G`, `512MiB`, `1048576`; units are powers of 1024, as `docker run -m`
 * reads them) in bytes. Null or empty: no limit.
 */
export function memoryLimitBytes(limit: string | null | undefined): number | undefined {
  if (limit === null || limit === undefined || limit.trim() === '') return undefined;
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp]?)(?:i?b)?$/i.exec(limit.trim());
  if (!m) {
    throw new MemoryLimitError(
      `the memory limit "${limit}" is not in Docker's notation: use a number with an optional unit, e.g. 512m or 2g`,
    );
  }
  const bytes = Math.floor(Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? 1));
  if (bytes < 6 * 1024 * 1024) {
    throw new MemoryLimitError(`the memory limit "${limit}" is below Docker's minimum of 6m: raise it`);
  }
  return bytes;
}
