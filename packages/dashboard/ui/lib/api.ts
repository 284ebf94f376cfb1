import { ActorsApiError, ActorsClient, ActorsResponseError } from '@actorkit/api';

/**
 * The typed client of @actorkit/api, on this page's own origin, acting with the tab's token. `onRefused` hears of
 * any 401: the token no longer works (the emulator was restarted with another).
 */
export function clientFor(token: string, onRefused?: () => void): ActorsClient {
  const watched: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 401) onRefused?.();
    return response;
  };
  return new ActorsClient({
    baseUrl: location.origin,
    flavour: 'v2',
    credentials: { kind: 'bearer', token },
    // a blocking read is held up to 20 s; leave room for its answer
    timeoutMs: 30_000,
    fetch: watched,
  });
}

/** A sentence for an error the client raised, as the API worded it. */
export function errorText(error: unknown): string {
  if (error instanceof ActorsApiError) {
    return error.status ? `${error.serverMessage} (HTTP ${error.status})` : error.serverMessage;
  }
  if (error instanceof ActorsResponseError) return `unexpected answer: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ActorsApiError && error.status === 401;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ActorsApiError && error.status === 404;
}

/**
 * A client method that may not exist in this build of @actorkit/api (configs arrive with the emulator's config
 * routes): the bound method, or null.
 */
export function optionalMethod<A extends unknown[], R>(
  client: ActorsClient,
  name: string,
): ((...args: A) => Promise<R>) | null {
  const method = (client as unknown as Record<string, unknown>)[name];
  return typeof method === 'function' ? (method.bind(client) as (...args: A) => Promise<R>) : null;
}
