import { join } from 'node:path';
import { LOCAL_DEV_COMMAND } from '../actor-sync.js';
import type { DevEvent } from '../events.js';
import {
  debugpyCommand,
  debugpyLaunchConfig,
  imageCommand,
  imageHasDebugpy,
  inspectorTargets,
  portInUse,
  nodeInspectOptions,
  nodeLaunchConfig,
  type DebugpyPlan,
  type InspectOptions,
} from '../inspector.js';
import type { DevStep, RoundState, StepVerdict } from './step.js';

/** How often the inspector's target list is read while a round runs (a Node actor with the inspector on). */
const POLL_MS = 100;

/**
 * `--inspect`: starts the actor under its debugger in each fresh container, listening on 127.0.0.1 (the containers
 * share the host's network). Node actors get NODE_OPTIONS (the inspector, and stack traces through the source map
 * the compile step writes); Python actors whose image has debugpy run their own command under `python -m debugpy`,
 * passed to the emulator as ACTORKIT_DEV_COMMAND. Says how to attach, and for Node each target as it appears.
 */
export class InspectStep implements DevStep {
  readonly name = 'inspect';
  private announced = '';
  private polling: { stop: () => void } | null = null;
  private readonly seen = new Set<string>();
  private readonly debugpyPlans = new Map<string, DebugpyPlan>();
  /** Checked once, before the first round's containers: later, a container of a cancelled round may hold it. */
  private portChecked = false;

  constructor(private readonly options: InspectOptions) {}

  async run(round: RoundState): Promise<StepVerdict> {
    const { project } = round;
    if (!this.portChecked) {
      this.portChecked = true;
      if (await portInUse(this.options.port)) {
        round.emit({
          type: 'error',
          round: round.round,
          kind: 'user',
          message:
            `127.0.0.1:${this.options.port} is in use already, so the actor's debugger could not listen there; ` +
            `stop what uses it, or pick another port: --inspect=<port>`,
        });
        return 'stop';
      }
    }
    if (project.kind === 'typescript' || project.language === 'javascript') {
      this.node(round);
    } else if (project.language === 'python') {
      await this.python(round);
    } else {
      this.announce(round, {
        type: 'inspector.unavailable',
        round: round.round,
        reason: `--inspect starts Node and Python actors under their debugger, and ${project.config.name} has no Python, JavaScript or TypeScript files`,
      });
    }
    return 'continue';
  }

  private node(round: RoundState): void {
    const { project } = round;
    round.environment.NODE_OPTIONS = nodeInspectOptions(
      this.options,
      project.config.defaultEnvironment.NODE_OPTIONS ?? '',
    );
    if (project.kind === 'typescript' && round.executor === 'docker') {
      // The bundle names its source map by its path on this machine: the same path in the container finds it.
      const dist = join(project.dir, 'dist');
      round.mounts.push(`${dist}:${dist}:ro`);
    }
    const { port, wait } = this.options;
    this.announce(round, {
      type: 'inspector.enabled',
      round: round.round,
      language: 'node',
      port,
      wait,
      how:
        `Node's inspector listens on 127.0.0.1:${port} in each execution's container` +
        (wait ? ', and the actor waits for a debugger before it runs' : '') +
        `; attach Chrome DevTools (chrome://inspect, or the URL shown for each execution) or VS Code`,
      launch: nodeLaunchConfig(project, this.options, round.executor),
    });
    round.waitsForDebugger = wait;
    this.poll(round);
  }

  private async python(round: RoundState): Promise<void> {
    const { project } = round;
    const image = await imageCommand(project.image);
    if (!image) {
      this.announce(round, {
        type: 'inspector.unavailable',
        round: round.round,
        reason: `${project.image} is not built, so its command cannot be started under debugpy`,
      });
      return;
    }
    const key = `${image.id} ${this.options.port} ${this.options.wait}`;
    let plan = this.debugpyPlans.get(key);
    if (!plan) {
      plan = debugpyCommand(image.entrypoint, image.cmd, this.options);
      if (plan.ok && !(await imageHasDebugpy(project.image, plan.python))) {
        plan = {
          ok: false,
          reason:
            `${project.image} has no debugpy for ${plan.python}: install it in the Dockerfile (Debian's ` +
            'python3-debugpy, or `pip install debugpy`), or build FROM actorkit/python:3.11, which has it',
        };
      }
      this.debugpyPlans.set(key, plan);
    }
    if (!plan.ok) {
      this.announce(round, {
        type: 'inspector.unavailable',
        round: round.round,
        reason: `the actor runs without a debugger: ${plan.reason}`,
      });
      return;
    }
    round.environment[LOCAL_DEV_COMMAND] = JSON.stringify(plan.command);
    const { port, wait } = this.options;
    round.waitsForDebugger = wait;
    this.announce(round, {
      type: 'inspector.enabled',
      round: round.round,
      language: 'python',
      port,
      wait,
      how:
        `the actor runs under debugpy, listening on 127.0.0.1:${port} in each execution's container` +
        (wait ? ', and waits for a client before it runs' : '') +
        ' (python -m debugpy); attach VS Code or another DAP client',
      launch: debugpyLaunchConfig(project, this.options),
    });
  }

  /** Emits what the debugger is, once, and again only when it changes. */
  private announce(round: RoundState, event: DevEvent): void {
    const { round: _n, ...rest } = event as DevEvent & { round: number };
    const key = JSON.stringify(rest);
    if (key === this.announced) return;
    this.announced = key;
    round.emit(event);
  }

  /** Reads the inspector's targets while the round runs and reports each new one: the URL to open, the socket. */
  private poll(round: RoundState): void {
    this.stopPolling();
    let stopped = false;
    this.polling = { stop: () => (stopped = true) };
    const { port } = this.options;
    void (async () => {
      while (!stopped && !round.signal.aborted) {
        for (const target of await inspectorTargets(port)) {
          if (stopped || this.seen.has(target.id)) continue;
          this.seen.add(target.id);
          round.emit({
            type: 'inspector.target',
            round: round.round,
            port,
            title: target.title,
            devtoolsUrl:
              target.devtoolsFrontendUrl ??
              `devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=127.0.0.1:${port}/${target.id}`,
            webSocketUrl: target.webSocketDebuggerUrl,
          });
        }
        await new Promise((r) => setTimeout(r, POLL_MS).unref());
      }
    })();
  }

  private stopPolling(): void {
    this.polling?.stop();
    this.polling = null;
  }

  roundEnded(): void {
    this.stopPolling();
  }

  async dispose(): Promise<void> {
    this.stopPolling();
  }
}
