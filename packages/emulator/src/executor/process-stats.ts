import { readFile } from 'node:fs/promises';
import createDebug from 'debug';
import type { UsageSample } from './container-stats.js';

const debug = createDebug('actorkit:executor:process');

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
async function statFields(pid: number): Promise<string[] | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') debug('reading /proc/%d/stat: %O', pid, error);
    return null;
  }
}

/** When the process started, in jiffies after boot (field 22): with the pid, it names one process for good. */
export async function processStartTicks(pid: number): Promise<string | null> {
  return (await statFields(pid))?.[19] ?? null;
}

/** utime + cutime (fields 14 and 16): user CPU of the process and its reaped children, in jiffies. */
export async function userJiffies(pid: number): Promise<number | null> {
  const fields = await statFields(pid);
  if (!fields) return null;
  return Number(fields[11]) + Number(fields[13]);
}

/** read_bytes + write_bytes of /proc/<pid>/io (storage I/O the process caused), in 512-byte sectors. */
export async function ioSectors(pid: number): Promise<number | null> {
  try {
    const text = await readFile(`/proc/${pid}/io`, 'utf8');
    const value = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    return Math.floor((value('read_bytes') + value('write_bytes')) / 512);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') debug('reading /proc/%d/io: %O', pid, error);
    return null;
  }
}

/**
 * Samples a running process's usage every `everyMs`, keeping the last reading: /proc/<pid> vanishes when the process
 * is reaped, so the total is the last sample before exit (best effort: a process that lives less than one interval
 * reports 0). Counts the process and the children it waited for, not children still running at exit.
 */
export class ProcessUsageSampler {
  private last: UsageSample = { cpuJiffies: 0, ioSectors: 0 };
  private readonly timer: NodeJS.Timeout;
  private busy = false;

  constructor(
    private readonly pid: number,
    everyMs = 50,
  ) {
    this.timer = setInterval(() => void this.sample(), everyMs);
    this.timer.unref();
    void this.sample();
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const [cpu, io] = await Promise.all([userJiffies(this.pid), ioSectors(this.pid)]);
      if (cpu !== null) this.last = { ...this.last, cpuJiffies: Math.max(this.last.cpuJiffies, cpu) };
      if (io !== null) this.last = { ...this.last, ioSectors: Math.max(this.last.ioSectors, io) };
    } finally {
      this.busy = false;
    }
  }

  stop(): UsageSample {
    clearInterval(this.timer);
    return this.last;
  }
}
