import type { ActorRecord } from '../store/records.js';

/**
 * Whether executions of the actor get an access token. A configured default is stored as text, and the service's
 * spawner reads the text "false" (in any case) as false; any other non-empty text is true, as in Python.
 */
export function tokenEnabled(actor: Pick<ActorRecord, 'token'>): boolean {
  const { token } = actor;
  if (typeof token === 'string') return token.trim() !== '' && token.trim().toLowerCase() !== 'false';
  return token;
}
