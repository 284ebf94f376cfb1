/** An error as the execution's log shows it: its message, its causes, and the stack when it is a bug's. */
export function describeError(error: unknown, withStack: boolean): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const prefix = depth === 0 ? '' : 'caused by: ';
    if (current instanceof Error) {
      const stack = withStack && current.stack ? current.stack : `${current.name}: ${current.message}`;
      lines.push(prefix + stack);
      current = current.cause;
    } else {
      lines.push(prefix + String(current));
      current = undefined;
    }
  }
  return lines.join('\n');
}
