import type { FuzzCase } from './fuzz-cases.js';
import type { FuzzAnswer } from './fuzz-send.js';

/** The dashboard's page, outside the API's bases: HTML, not an envelope. */
const DASHBOARD_PAGES = new Set(['/', '/index.html']);

/**
 * What is wrong with an answer, or null: a 5xx, or a body that is not the envelope `{result, status, message,
 * version}` (error answers with `result: null` and status "error"). Exempt: HEAD (no body), a successful
 * getOneExecutionResult (raw bytes, application/octet-stream), and the dashboard's page (HTML).
 */
export function problemWith(c: FuzzCase, a: FuzzAnswer): string | null {
  if (a.status >= 500) return `HTTP ${a.status}`;
  if (c.method === 'HEAD') return null;
  if (
    c.method === 'GET' &&
    DASHBOARD_PAGES.has((c.path.split('?')[0] ?? '').replace(/\/{2,}/g, '/')) && // the emulator merges runs of /
    a.status === 200 &&
    a.contentType.startsWith('text/html')
  )
    return null;
  if (
    a.status === 200 &&
    c.route.endsWith('/results') &&
    a.contentType.startsWith('application/octet-stream')
  )
    return null;
  if (!a.contentType.startsWith('application/json'))
    return `HTTP ${a.status} with content-type "${a.contentType}"`;
  let json: unknown;
  try {
    json = JSON.parse(a.body.toString('utf8'));
  } catch (error) {
    return `HTTP ${a.status} body is not JSON (${(error as Error).message}): ${a.body.subarray(0, 80).toString()}`;
  }
  const e = json as Record<string, unknown> | null;
  if (!e || typeof e !== 'object' || Array.isArray(e)) return `HTTP ${a.status} body is not an object`;
  for (const key of ['result', 'status', 'message', 'version'])
    if (!(key in e)) return `HTTP ${a.status} envelope lacks "${key}"`;
  if (typeof e.message !== 'string' || typeof e.version !== 'string')
    return `HTTP ${a.status} envelope message/version not strings`;
  if (a.status >= 400 && (e.status !== 'error' || e.result !== null))
    return `HTTP ${a.status} with status "${String(e.status)}" and a result`;
  if (a.status < 400 && e.status !== 'success') return `HTTP ${a.status} with status "${String(e.status)}"`;
  if (a.status >= 400 && (e.message as string).length === 0) return `HTTP ${a.status} with an empty message`;
  return null;
}
