import { describe, expect, it } from 'vitest';
import { cpuJiffiesOf, ioSectorsOf, isLiveSample, UsageTracker } from './container-stats.js';

const live = (usermode: number, read: number, write: number) => ({
  read: '2026-01-01T00:00:01.123456789Z',
  cpu_stats: { cpu_usage: { total_usage: usermode + 1, usage_in_usermode: usermode } },
  blkio_stats: {
    io_service_bytes_recursive: [
      { op: 'Read', value: read },
      { op: 'Write', value: write },
      { op: 'Sync', value: read + write },
      { op: 'Total', value: read + write },
    ],
  },
});
const afterExit = {
  read: '0001-01-01T00:00:00Z',
  cpu_stats: { cpu_usage: { total_usage: 0 } },
  blkio_stats: {},
};

describe('container stats', () => {
  it('turns usage_in_usermode nanoseconds into jiffies of 10 ms', () => {
    expect(cpuJiffiesOf(live(2_340_000_000, 0, 0))).toBe(234);
    expect(cpuJiffiesOf(live(9_999_999, 0, 0))).toBe(0);
  });

  it('sums Read and Write bytes (not Sync or Total) into 512-byte sectors, either case', () => {
    expect(ioSectorsOf(live(0, 4096, 1024 * 1024))).toBe(8 + 2048);
    expect(ioSectorsOf({ blkio_stats: { io_service_bytes_recursive: [{ op: 'read', value: 1024 }] } })).toBe(
      2,
    );
    expect(ioSectorsOf({ blkio_stats: { io_service_bytes_recursive: null } })).toBe(0);
  });

  it('keeps the last live sample: the zeros after exit do not erase it', () => {
    const tracker = new UsageTracker();
    tracker.push(live(100_000_000, 512, 0));
    tracker.push(live(300_000_000, 1024, 512));
    tracker.push(afterExit);
    expect(isLiveSample(afterExit)).toBe(false);
    expect(tracker.usage).toEqual({ cpuJiffies: 30, ioSectors: 3 });
    expect(tracker.samples).toBe(2);
  });
});
