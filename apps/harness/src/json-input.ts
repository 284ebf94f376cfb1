import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/** Reads `@path` as the file's contents, anything else as itself. */
export function textOrFile(flag: string, value: string, command: string): string {
  if (!value.startsWith('@')) return value;
  const path = value.slice(1);
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UsageError(
      `${flag} ${value}: ${path} could not be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}); give a readable file after @, or the JSON itself`,
      command,
    );
  }
}

/** A JSON value given on the command line: `'{"k": 1}'`, or `@file.json` for a file's contents. */
export function jsonArgument(flag: string, value: string, command: string): unknown {
  const text = textOrFile(flag, value, command);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const where = value.startsWith('@') ? value.slice(1) : 'the value';
    throw new UsageError(
      `${flag}: ${where} is not valid JSON (${(cause as Error).message}); quote it for the shell, e.g. ${flag} '{"name": "Ada"}', or use ${flag} @file.json`,
      command,
    );
  }
}

/** Names the service uses itself as query parameters, so they cannot be an execution's variables. */
const RESERVED_ENV = new Set(['message', 'x-nonce', '_abaco_synchronous']);

/** `--env K=V` flags as an execution's environment (query parameters). */
export function envArguments(pairs: string[] | undefined, command: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
      throw new UsageError(
        `--env "${pair}" is not NAME=value; write e.g. --env GREETING=Bonjour (a name of letters, digits and _)`,
        command,
      );
    }
    if (RESERVED_ENV.has(key)) {
      throw new UsageError(
        `--env ${key}=... is not allowed: the service reads the "${key}" query parameter itself`,
        command,
      );
    }
    env[key] = pair.slice(eq + 1);
  }
  return env;
}
