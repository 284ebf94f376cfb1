/**
 * The commands, by name: a summary for `actorkit --help`, and the module that runs each, loaded only when that
 * command runs (or shows its own --help). Nothing here may import a command module statically: `actorkit --help`
 * must not load the emulator, Docker, the bundler or the TypeScript compiler.
 */
import type { Output } from '../output.js';

export type CommandRun = (argv: string[], out: Output) => Promise<number>;

export interface CommandEntry {
  summary: string;
  load(): Promise<CommandRun>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  up: {
    summary: 'run the Abaco actors API emulator on this machine',
    load: async () => (await import('./up.js')).up,
  },
  dev: {
    summary: 'watch an actor, rebuild it, run its fixtures in real containers on every save',
    load: async () => (await import('./dev.js')).dev,
  },
  init: {
    summary: 'scaffold a new typed actor, with a test',
    load: async () => (await import('./init.js')).init,
  },
  actors: {
    summary: 'list the actors you can see',
    load: async () => (await import('./actors.js')).actors,
  },
  send: {
    summary: 'send an actor a message (text, JSON or binary), optionally waiting for the result',
    load: async () => (await import('./send.js')).send,
  },
  logs: {
    summary: "print an execution's logs (the latest by default), or follow them while it runs",
    load: async () => (await import('./logs.js')).logs,
  },
  executions: {
    summary: "list an actor's executions: status, exit code, run time",
    load: async () => (await import('./executions.js')).executions,
  },
  state: {
    summary: "print a stateful actor's state, or replace it",
    load: async () => (await import('./state.js')).state,
  },
  nonces: {
    summary: "list, create or delete an actor's nonces (tokens for others to use it)",
    load: async () => (await import('./nonces.js')).nonces,
  },
  workers: {
    summary: "list an actor's workers, add some (admins) or delete one",
    load: async () => (await import('./workers.js')).workers,
  },
  deploy: {
    summary: 'build, push and register an actor on a real Abaco or Tapis Actors service',
    load: async () => (await import('./deploy.js')).deploy,
  },
};
