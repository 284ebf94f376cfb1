let counter = 0;

/** A 13-character alphanumeric id, as the service gives actors and executions, unique in this process. */
export function nextId(prefix: string): string {
  counter += 1;
  return (
    prefix +
    counter
      .toString(36)
      .toUpperCase()
      .padStart(13 - prefix.length, '0')
  ).slice(0, 13);
}
