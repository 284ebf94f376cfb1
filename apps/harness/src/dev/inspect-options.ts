/** `actorkit dev --inspect[=port]` / `--inspect-brk[=port]`: light, so `actorkit dev --help` can name the defaults. */
export interface InspectOptions {
  /** The port on 127.0.0.1 the debugger listens on, in each execution's container (host network). */
  port: number;
  /** `--inspect-brk`: the actor waits for a debugger before it runs. */
  wait: boolean;
}

/** Node's own default inspector port. */
export const DEFAULT_NODE_INSPECT_PORT = 9229;
/** The port debugpy's documentation and VS Code's Python attach configuration use. */
export const DEFAULT_DEBUGPY_PORT = 5678;
