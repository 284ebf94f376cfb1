/**
 * Readers for what the API answers. The client's schemas parse every answer, and their shapes still move as the
 * emulator follows the real service (e.g. permissions as a flat map), so the views read fields through these and
 * show "—" rather than break when one is missing or differently typed.
 */

export type Loose = Record<string, unknown>;

export function isRecord(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function field(v: unknown, key: string): unknown {
  return isRecord(v) ? v[key] : undefined;
}

export function text(v: unknown, fallback = ''): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fallback;
}

export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The levels of a permissions answer: a flat `{user: LEVEL}` map, or the older `{permissions: {...}}`. */
export function permissionEntries(v: unknown): [string, string][] {
  const inner = isRecord(v) && isRecord(v.permissions) ? v.permissions : v;
  if (!isRecord(inner)) return [];
  return Object.entries(inner)
    .filter(([k, level]) => typeof level === 'string' && !k.startsWith('_'))
    .map(([user, level]) => [user, level as string] as [string, string])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The executions of a summary, newest first: its `executions` lines, else its `ids`. */
export function executionBriefs(summary: unknown): Loose[] {
  const lines = list(field(summary, 'executions')).filter(isRecord);
  const briefs = lines.length
    ? lines
    : list(field(summary, 'ids'))
        .filter((id): id is string => typeof id === 'string')
        .map((id) => ({ id }) as Loose);
  const time = (b: Loose) => Date.parse(text(b.messageReceivedTime)) || 0;
  // the service lists oldest first; keep that order among equal or unknown times
  return briefs
    .map((b, i) => ({ b, i }))
    .sort((x, y) => time(y.b) - time(x.b) || y.i - x.i)
    .map(({ b }) => b);
}
