import { displayTime, type SearchType } from '@actorkit/api';
import type { StoredDocument } from './stored-documents.js';

/** Keys the service's `post_processing` removes from each type's documents (fidelity §7.6). */
const REMOVED: Record<SearchType, readonly string[]> = {
  actors: ['_id', 'permissions', 'api_server', 'executions', 'tenant', 'db_id'],
  executions: ['_id', 'permissions', 'tenant', 'api_server'],
  workers: ['_id', 'permissions', 'tenant'],
  logs: ['_id', 'permissions', 'exp', 'actor_id', 'tenant'],
};

/** Top-level time fields: shown with `display_time`, so a missing time is the string "None". */
const TIME_KEYS = new Set([
  'create_time',
  'last_update_time',
  'message_received_time',
  'start_time',
  'finish_time',
  'last_execution_time',
  'last_health_check_time',
]);

function shownTime(value: unknown): unknown {
  if (value instanceof Date) return displayTime(value);
  return value === null || value === undefined ? displayTime(null) : value;
}

/** Docker's state with `StartedAt` / `FinishedAt` displayed; its other keys as stored. */
function shownFinalState(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of ['StartedAt', 'FinishedAt']) {
    if (out[key] instanceof Date) out[key] = displayTime(out[key]);
  }
  return out;
}

/**
 * A document as the search answers it (snake case; the reply converts the top-level keys in camel mode): the
 * removed keys gone, times displayed, and `actor_id` shown as the actor's own id rather than its db id.
 */
export function searchDisplay(type: SearchType, doc: StoredDocument): Record<string, unknown> {
  const removed = new Set(REMOVED[type]);
  const tenantPrefix = typeof doc['tenant'] === 'string' ? `${doc['tenant']}_` : null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (removed.has(key)) continue;
    if (TIME_KEYS.has(key)) out[key] = shownTime(value);
    else if (key === 'final_state') out[key] = shownFinalState(value);
    else if (
      key === 'actor_id' &&
      typeof value === 'string' &&
      tenantPrefix &&
      value.startsWith(tenantPrefix)
    ) {
      out[key] = value.slice(tenantPrefix.length);
    } else out[key] = value;
  }
  return out;
}
