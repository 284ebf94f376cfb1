import { readFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dockerCli } from './docker-cli.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  kernel: string;
  node: string;
  docker: string;
  /** The 1-minute load average when the description was taken. */
  load1: number;
}

async function distro(): Promise<string> {
  try {
    const text = await readFile('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? 'Linux';
  } catch (error) {
    return `Linux (no /etc/os-release: ${(error as Error).message})`;
  }
}

async function dockerVersion(): Promise<string> {
  const result = await dockerCli(
    ['version', '--format', 'engine {{.Server.Version}}, CLI {{.Client.Version}}'],
    15_000,
  ).catch((error: Error) => ({ code: 1, stdout: '', stderr: error.message }));
  return result.code === 0
    ? result.stdout.trim()
    : `not answering (${result.stderr.trim().split('\n')[0] ?? ''})`;
}

/** What the figures were measured on: CPU, memory, OS, Node and Docker versions, and the load at the time. */
export async function describeMachine(): Promise<Machine> {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: await distro(),
    kernel: release(),
    node: process.version,
    docker: await dockerVersion(),
    load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os} (kernel ${m.kernel}), Node ${m.node}, Docker ${m.docker}; load ${m.load1}`;
}
