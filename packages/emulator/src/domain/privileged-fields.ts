import { HttpError } from '../http/http-error.js';
import { isPrivileged, type Identity } from '../auth/identity.js';

/**
 * The service's `auth.py check_privileged`: for a user who is neither admin nor privileged, the body of every POST
 * or PUT on the actor routes (registrations, updates, messages, state) may not carry a truthy privileged key.
 * `maxWorkers: 0` counts as not set. Keys are read in either case.
 */
const CHECKS: readonly { keys: readonly string[]; text: string }[] = [
  {
    keys: ['privileged'],
    text: 'Not authorized -- only admins and privileged users can make privileged actors.',
  },
  {
    keys: ['maxWorkers', 'max_workers'],
    text: 'Not authorized -- only admins and privileged users can set max workers.',
  },
  {
    keys: ['maxCpus', 'max_cpus'],
    text: 'Not authorized -- only admins and privileged users can set max CPUs.',
  },
  {
    keys: ['memLimit', 'mem_limit'],
    text: 'Not authorized -- only admins and privileged users can set mem limit.',
  },
  { keys: ['queue'], text: 'Not authorized -- only admins and privileged users can set queue.' },
];

/** Python truthiness of a JSON or form value (form strings are truthy unless empty). */
function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Throws the service's 400 when a non-privileged identity sends a truthy privileged key in `body`. */
export function checkPrivilegedBody(body: unknown, identity: Identity): void {
  if (isPrivileged(identity)) return;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  const fields = body as Record<string, unknown>;
  for (const check of CHECKS) {
    if (check.keys.some((k) => truthy(fields[k]))) throw HttpError.forbidden(check.text);
  }
}
