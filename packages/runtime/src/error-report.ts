/**
 * An error as the execution's log shows it. A bug's (`withStack`): the stack and its causes. Bad input's: the message
 * alone, which already says everything (its causes, such as the ZodError, only repeat it).
 */
export function describeError(error: unknown, withStack: boolean): string {
  if (!withStack) return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const prefix = depth === 0 ? '' : 'caused by: ';
    if (current instanceof Error) {
      lines.push(prefix + (current.stack ?? `${current.name}: ${current.message}`));
      current = current.cause;
    } else {
      lines.push(prefix + String(current));
      current = undefined;
    }
  }
  return lines.join('\n');
}
