/**
 * The change an execution made to its actor's state, by JSON path, written as the dev loop writes it
 * (`actorkit dev`: `+ path = value`, `- path (was value)`, `~ path: before → after`).
 */

export interface StateChange {
  path: string;
  op: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function diffState(before: unknown, after: unknown, path = ''): StateChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k): StateChange[] => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in before)) return [{ path: p, op: 'added', after: after[k] }];
      if (!(k in after)) return [{ path: p, op: 'removed', before: before[k] }];
      return diffState(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => diffState(b, after[i], `${path}[${i}]`));
  }
  return [{ path: path || '(state)', op: 'changed', before, after }];
}

function value(v: unknown): string {
  const t = JSON.stringify(v);
  return t === undefined ? 'undefined' : t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

export function formatChange(c: StateChange): string {
  if (c.op === 'added') return `+ ${c.path} = ${value(c.after)}`;
  if (c.op === 'removed') return `- ${c.path} (was ${value(c.before)})`;
  return `~ ${c.path}: ${value(c.before)} → ${value(c.after)}`;
}

/** A diff from elsewhere (the dev loop's events), kept only when it has the expected shape. */
export function asChanges(v: unknown): StateChange[] | null {
  if (!Array.isArray(v)) return null;
  const ok = v.every(
    (c) =>
      isObject(c) &&
      typeof c.path === 'string' &&
      (c.op === 'added' || c.op === 'removed' || c.op === 'changed'),
  );
  return ok ? (v as StateChange[]) : null;
}
