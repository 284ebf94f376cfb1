import { ContainerClientError, engineDownMessage } from '@actorkit/docker';
import { isDiskFull } from '../store/disk-full.js';
import { BinaryFifoError } from './binary-fifo.js';
import { DeadlineError } from './deadline.js';
import type { ExecutionOutcome } from './executor.js';
import { LibcError } from './libc.js';
import { MemoryLimitError } from './memory-limit.js';

/** What to tell the user when the actor's image is not on the engine. */
export function imageMissingMessage(image: string): string {
  return (
    `the image ${image} is not present on the Docker engine, and ActorKit never pulls (no registry is reachable ` +
    `here): build it locally, e.g. \`docker build -t ${image} <dir>\` (FROM actorkit/node:20, made by ` +
    '`npm run base-image`, works offline), then send the message again'
  );
}

/** A platform failure as a sentence for the user: what happened, and how to fix it. */
export function describePlatformFailure(error: unknown, doing: string): string {
  if (error instanceof ContainerClientError && error.engineUnreachable) return engineDownMessage(error);
  if (error instanceof DeadlineError) {
    return `${doing}: ${error.message}; the Docker engine may be overloaded or hung (check \`docker info\`)`;
  }
  if (error instanceof MemoryLimitError || error instanceof BinaryFifoError) return error.message;
  if (error instanceof LibcError && error.code === 'ENAMETOOLONG') {
    return `${doing}: the run directory's path is too long for a Unix socket (107 bytes at most): configure a shorter runtime directory`;
  }
  // a connection the engine refused or whose socket is missing, from a client that does not wrap errors
  if ((error as NodeJS.ErrnoException).syscall === 'connect') return engineDownMessage(error);
  const text = error instanceof Error ? error.message : String(error);
  // ENOSPC from the run directory here, or the engine's own disk (it answers with the kernel's words)
  if (isDiskFull(error) || /no space left on device/i.test(text)) {
    return `${doing} failed because the disk is full (${text}): free space on that disk, then send the message again`;
  }
  return `${doing} failed: ${text}`;
}

/** The outcome of an execution the platform could not run (status ERROR). */
export function platformFailure(message: string, startTime: Date | null = null): ExecutionOutcome {
  const finishTime = new Date();
  return {
    exitCode: null,
    finalState: null,
    startTime,
    finishTime,
    runtimeMs: startTime ? finishTime.getTime() - startTime.getTime() : 0,
    cpuJiffies: 0,
    ioSectors: 0,
    stoppedBy: null,
    platformError: message,
  };
}
