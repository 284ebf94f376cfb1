import { ActorsApiError, ActorsResponseError } from '@actorkit/api';
import type { Connection } from './connection.js';

/** Why a request got no answer: the network error code (ECONNREFUSED, ENOTFOUND, ...), else the innermost message. */
function noAnswerReason(error: ActorsApiError): string {
  let current: unknown = error.cause;
  let inner: string | null = null;
  for (let depth = 0; depth < 5 && current; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    if (typeof message === 'string' && message) inner = message;
    current = (current as { cause?: unknown }).cause;
  }
  return inner ?? error.serverMessage;
}

function credentialsHint(conn: Connection): string {
  if (conn.credentialSource === 'none') {
    return 'no credentials were sent: pass --token <token> or set ACTORKIT_TOKEN (`actorkit up` prints its token and saves it in .actorkit/token; run from that folder or pass --data-dir)';
  }
  return `the credentials came from ${conn.credentialSource}; check that they belong to this server`;
}

/** One line for a failed API call: what the service said, and what to do about it. */
export function apiErrorText(error: ActorsApiError | ActorsResponseError, conn: Connection): string {
  if (error instanceof ActorsResponseError) {
    return `${conn.api} answered ${error.request.method} ${error.request.url} with something that is not the actors API: ${error.message}. Check --api (and --flavour v2|v3)`;
  }
  const path = new URL(error.request.url).pathname;
  if (error.status === 0) {
    const why = noAnswerReason(error);
    const fix = conn.defaultApi
      ? `start the emulator with \`npx actorkit up\`, or point at a running service with --api <url> (or ACTORKIT_API)`
      : `check the address, and that the service is running (for the local emulator: \`npx actorkit up\`)`;
    return `the actors API at ${conn.api} is not reachable (${why}); ${fix}`;
  }
  const said = `${error.serverMessage} (HTTP ${error.status} from ${error.request.method} ${path})`;
  // The service answers no credentials with 400 "No JWT or nonce provided."; the emulator's own token errors are 401.
  const refused = error.status === 401 || error.serverMessage.startsWith('No JWT or nonce provided.');
  if (refused) return `${said}; ${credentialsHint(conn)}`;
  return said;
}
