import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { join } from 'node:path';
import createDebug from 'debug';
import { ACTORKIT_ENV } from '@actorkit/api';
import { limitTimer, withDeadline } from './deadline.js';
import { externalStopNote } from './external-stop.js';
import { ExecutionFiles } from './execution-files.js';
import type { ExecutionHooks, ExecutionOutcome, ExecutionSpec, RunningExecution } from './executor.js';
import { guardHooks } from './guarded-hooks.js';
import { describePlatformFailure, platformFailure } from './platform-failure.js';
import { processStartTicks, ProcessUsageSampler } from './process-stats.js';
import type { RunDirs } from './run-dirs.js';
import { PID_FILE } from './stale-instances.js';

const debug = createDebug('actorkit:executor:process');

export interface ProcessExecutionContext {
  runDirs: RunDirs;
  /** The emulator's own variables a process inherits (a container would get its image's). */
  baseEnv: Record<string, string>;
  /** Between SIGTERM and SIGKILL when stopping. */
  killGraceMs: number;
  resultsPollMs?: number;
}

type StopReason = NonNullable<ExecutionOutcome['stoppedBy']>;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') debug('kill -%s -%d: %O', signal, pid, error);
  }
}

/** One execution as a local process group: spawned, logged, measured, stopped with SIGTERM then SIGKILL. */
export class ProcessExecution implements RunningExecution {
  readonly done: Promise<ExecutionOutcome>;
  private stoppedBy: StopReason | null = null;
  private child: ChildProcess | null = null;
  private exited = false;
  private readonly hooks: Required<ExecutionHooks>;

  constructor(
    private readonly spec: ExecutionSpec,
    hooks: ExecutionHooks,
    private readonly ctx: ProcessExecutionContext,
  ) {
    this.hooks = guardHooks(hooks, spec.executionId);
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.halt('force-quit');
  }

  private halt(reason: StopReason): void {
    this.stoppedBy ??= reason;
    const pid = this.child?.pid;
    if (pid === undefined || this.exited) return;
    killGroup(pid, 'SIGTERM');
    setTimeout(() => this.exited || killGroup(pid, 'SIGKILL'), this.ctx.killGraceMs).unref();
  }

  private async run(): Promise<ExecutionOutcome> {
    const { spec, ctx } = this;
    const [command, ...args] = spec.command ?? [];
    if (!command) {
      return platformFailure(
        `the process executor needs the actor's command to run (${spec.image} has none set here): give the actor a ` +
          'command (the dev loop sets it from the actor project), or run the emulator with the Docker executor',
      );
    }
    let files: ExecutionFiles | undefined;
    let timer: NodeJS.Timeout | undefined;
    let doing = `preparing the execution of ${command}`;
    try {
      files = await ExecutionFiles.prepare(ctx.runDirs, spec, this.hooks, ctx.resultsPollMs);
      if (this.stoppedBy) return { ...platformFailure(''), platformError: null, stoppedBy: this.stoppedBy };
      const env: Record<string, string> = {
        ...ctx.baseEnv,
        ...spec.env,
        ...files.binaryEnv,
        [ACTORKIT_ENV.resultsSocketPath]: files.results.path,
      };
      if (files.fifo) env[ACTORKIT_ENV.binaryDataPath] = files.fifo.path;
      doing = `starting \`${[command, ...args].join(' ')}\` in ${spec.cwd ?? process.cwd()}`;
      const child = spawn(command, args, {
        cwd: spec.cwd,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.child = child;
      // Read the output from the start: Node resumes an unread stdio stream when the child exits, which drops
      // what a quick process wrote before a later listener came. Held until the start is reported, then passed on.
      const early: Buffer[] = [];
      let reported = false;
      const onOutput = (chunk: Buffer) => (reported ? this.hooks.onLog(chunk) : void early.push(chunk));
      child.stdout!.on('data', onOutput);
      child.stderr!.on('data', onOutput);
      const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on('exit', (code, signal) => {
          this.exited = true;
          resolve([code, signal]);
        }),
      );
      const streamsClosed = new Promise<void>((resolve) => child.on('close', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      const pid = child.pid!;
      const startTime = new Date();
      const t0 = performance.now();
      const usage = new ProcessUsageSampler(pid);
      await writeFile(join(files.dir, PID_FILE), `${pid} ${(await processStartTicks(pid)) ?? ''}\n`);
      this.hooks.onStarted({ handle: String(pid), startTime });
      reported = true;
      for (const chunk of early.splice(0)) this.hooks.onLog(chunk);
      timer = limitTimer(spec.maxRunMs, () => this.halt('timeout'));
      if (this.stoppedBy) this.halt(this.stoppedBy);
      const [code, signal] = await exit;
      const runtimeMs = Math.round(performance.now() - t0);
      const finishTime = new Date(startTime.getTime() + runtimeMs);
      const { cpuJiffies, ioSectors } = usage.stop();
      killGroup(pid, 'SIGKILL'); // what the process left running goes with it, as in a container
      await withDeadline(streamsClosed, 5000, 'reading the last output').catch((e: unknown) =>
        debug('%O', e),
      );
      const exitCode = code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
      const finalState = {
        Status: 'exited',
        Running: false,
        Paused: false,
        OOMKilled: false,
        Dead: false,
        Pid: pid,
        ExitCode: exitCode,
        Signal: signal,
        Error: '',
        StartedAt: startTime.toISOString(),
        FinishedAt: finishTime.toISOString(),
      };
      const stoppedBy = this.stoppedBy;
      return {
        exitCode,
        finalState,
        startTime,
        finishTime,
        runtimeMs,
        cpuJiffies,
        ioSectors,
        stoppedBy,
        platformError: null,
        stopNote: stoppedBy ? null : externalStopNote('process', exitCode, { signal }),
      };
    } catch (error) {
      debug('execution %s: %s failed: %O', spec.executionId, doing, error);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES') {
        return platformFailure(
          `${doing} failed (${code}): check that ${command} exists and is executable, on PATH or as a path, and that ` +
            'the working directory exists',
        );
      }
      return platformFailure(describePlatformFailure(error, doing));
    } finally {
      clearTimeout(timer);
      await files?.close().catch((e: unknown) => debug('removing the files of %s: %O', spec.executionId, e));
    }
  }
}
