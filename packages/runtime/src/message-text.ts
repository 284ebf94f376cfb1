import { ACTORKIT_ENV, parsePythonLiteral } from '@actorkit/api/container';
import { ActorEnvironmentError } from './errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads a JSON message or a state the way the platform wrote it: a Python literal (the real service's form), or
 * plain JSON when `ACTORKIT_MESSAGE_FORMAT=json`. The other form is tried when the expected one fails, so either
 * works anywhere; when both fail, the error names the variable and both reasons.
 */
export function parseStructured(variable: string, text: string, env: Env): unknown {
  const jsonFirst = env[ACTORKIT_ENV.messageFormat]?.trim().toLowerCase() === 'json';
  const readers: [string, (t: string) => unknown][] = [
    ['a Python literal', parsePythonLiteral],
    ['JSON', (t) => JSON.parse(t) as unknown],
  ];
  if (jsonFirst) readers.reverse();
  const failures: { form: string; error: unknown }[] = [];
  for (const [form, read] of readers) {
    try {
      return read(text);
    } catch (error) {
      failures.push({ form, error });
    }
  }
  const reasons = failures.map((f) => `as ${f.form}: ${(f.error as Error).message}`).join('; ');
  const shown = text.length > 80 ? `${text.slice(0, 80)}...` : text;
  throw new ActorEnvironmentError(variable, `${JSON.stringify(shown)} could not be read (${reasons})`, {
    cause: new AggregateError(
      failures.map((f) => f.error),
      'both forms failed',
    ),
  });
}
