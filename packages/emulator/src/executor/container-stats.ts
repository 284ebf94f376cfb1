import type { DockerStatsSample } from '@actorkit/docker';

/** Nanoseconds in one jiffy (USER_HZ = 100 on Linux). */
const NS_PER_JIFFY = 10_000_000;
const SECTOR_BYTES = 512;

export interface UsageSample {
  /** User-mode CPU time in jiffies (1/100 s). */
  cpuJiffies: number;
  /** Block I/O read and written, in 512-byte sectors. */
  ioSectors: number;
}

/** A sample the engine took while the container ran (after exit, `read` is the zero time and counters are 0). */
export function isLiveSample(sample: DockerStatsSample): boolean {
  return (
    Boolean(sample.read && !sample.read.startsWith('0001-')) &&
    (sample.cpu_stats?.cpu_usage?.total_usage ?? 0) > 0
  );
}

/** Docker's usage_in_usermode (ns) in jiffies. */
export function cpuJiffiesOf(sample: DockerStatsSample): number {
  return Math.floor((sample.cpu_stats?.cpu_usage?.usage_in_usermode ?? 0) / NS_PER_JIFFY);
}

/** The sum of blkio io_service_bytes_recursive Read and Write (any device), in 512-byte sectors. */
export function ioSectorsOf(sample: DockerStatsSample): number {
  let bytes = 0;
  for (const entry of sample.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op.toLowerCase();
    if (op === 'read' || op === 'write') bytes += entry.value;
  }
  return Math.floor(bytes / SECTOR_BYTES);
}

/**
 * Keeps the last sample the engine took while the container ran: counters only grow, and they vanish at exit, so
 * the last live one is the closest to the total. A container that exits before the engine's first sample (within
 * about a second) reports 0 for both.
 */
export class UsageTracker {
  private last: UsageSample = { cpuJiffies: 0, ioSectors: 0 };
  samples = 0;

  push(sample: DockerStatsSample): void {
    if (!isLiveSample(sample)) return;
    this.samples += 1;
    this.last = {
      cpuJiffies: Math.max(this.last.cpuJiffies, cpuJiffiesOf(sample)),
      ioSectors: Math.max(this.last.ioSectors, ioSectorsOf(sample)),
    };
  }

  get usage(): UsageSample {
    return this.last;
  }
}
