import type { StateDiff } from './events.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The changes from one state to the next, by JSON path (`count`, `items[2]`, `user.name`). */
export function diffState(before: unknown, after: unknown, path = ''): StateDiff[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in before)) return [{ path: p, op: 'added' as const, after: after[k] }];
      if (!(k in after)) return [{ path: p, op: 'removed' as const, before: before[k] }];
      return diffState(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => diffState(b, after[i], `${path}[${i}]`));
  }
  return [{ path: path || '(state)', op: 'changed', before, after }];
}
