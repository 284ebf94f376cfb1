import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ActorsApiError, ActorsResponseError } from '@actorkit/api';
import { apiErrorText } from './api-error-text.js';
import { CommandError } from './command-error.js';
import { connect, CONNECTION_OPTIONS, type Connection, type ConnectionValues } from './connection.js';
import type { Output } from './output.js';
import { UsageError } from './usage-error.js';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;
/** `--json`: the shorthand for `--output json` (every client command but `send`, whose --json is the message). */
export const JSON_OPTION = { json: { type: 'boolean' } } as const;

type AllOptions<O extends ParseArgsOptionsConfig> = O & typeof CONNECTION_OPTIONS & typeof HELP_OPTION;
type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: AllOptions<O>; strict: true; allowPositionals: true }>
>;

export interface ClientContext<O extends ParseArgsOptionsConfig> {
  conn: Connection;
  values: Parsed<O>['values'];
  positionals: string[];
  out: Output;
}

export interface ClientCommandSpec<O extends ParseArgsOptionsConfig> {
  name: string;
  help: string;
  options: O;
  /** How many positionals the command takes, and their names for the error message. */
  positionals: { min: number; max: number; names: string };
  /** Fall back to the token `actorkit up` saved (default true). */
  localToken?: boolean;
  timeoutMs?: (values: Parsed<O>['values']) => number | undefined;
  /** Connection values the command decides itself (deploy's --api-server). */
  connection?: (values: Parsed<O>['values']) => Partial<ConnectionValues>;
  run(ctx: ClientContext<O>): Promise<number>;
}

/** Parses a command line strictly; a mistake is a UsageError (exit 2) naming the command. */
export function parseCommand<O extends ParseArgsOptionsConfig>(
  name: string,
  argv: string[],
  options: O,
): Parsed<O> {
  const all = { ...options, ...CONNECTION_OPTIONS, ...HELP_OPTION } as AllOptions<O>;
  try {
    return parseArgs({ args: argv, options: all, strict: true, allowPositionals: true });
  } catch (cause) {
    throw new UsageError((cause as Error).message, name);
  }
}

/**
 * A command that talks to the actors API: parses its options and the connection options, prints --help, connects,
 * and turns the API's refusals into one-line errors (exit 1) that say what the service said and what to do.
 */
export function clientCommand<O extends ParseArgsOptionsConfig>(spec: ClientCommandSpec<O>) {
  return async (argv: string[], out: Output): Promise<number> => {
    const { values, positionals } = parseCommand(spec.name, argv, spec.options);
    const raw = values as Record<string, unknown>;
    if (raw['help']) {
      out.line(spec.help);
      return 0;
    }
    const { min, max, names } = spec.positionals;
    if (positionals.length < min || positionals.length > max) {
      const got = positionals.length ? `got ${positionals.map((p) => `"${p}"`).join(' ')}` : 'got none';
      throw new UsageError(`actorkit ${spec.name} takes ${names} (${got})`, spec.name);
    }
    const connection = { ...(raw as ConnectionValues), ...spec.connection?.(values) };
    if (raw['json'] === true) {
      if (connection.output && connection.output !== 'json')
        throw new UsageError('--json and --output text disagree', spec.name);
      connection.output = 'json';
    }
    const conn = connect(connection, {
      command: spec.name,
      localToken: spec.localToken,
      timeoutMs: spec.timeoutMs?.(values),
    });
    try {
      return await spec.run({ conn, values, positionals, out });
    } catch (error) {
      if (error instanceof ActorsApiError || error instanceof ActorsResponseError) {
        throw new CommandError(apiErrorText(error, conn), { cause: error });
      }
      throw error;
    }
  };
}
