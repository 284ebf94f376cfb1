/**
 * The bearer token. `actorkit up` prints the page's URL with the token in the fragment (`/#token=...`), which the
 * browser never sends to the server; the page keeps it for this tab (sessionStorage) and removes it from the
 * address bar and the history entry at once.
 */

const KEY = 'actorkit.dashboard.token';

/** The token in a fragment such as `#token=abc` or `#/actors/x&token=abc`, and the fragment without it. */
export function splitTokenFromHash(hash: string): { token: string | null; rest: string } {
  const body = hash.replace(/^#/, '');
  const parts = body.split('&');
  let token: string | null = null;
  const kept: string[] = [];
  for (const part of parts) {
    const m = /^(?:\/?)token=(.*)$/.exec(part);
    if (m) token = decodeURIComponent(m[1] ?? '');
    else if (part) kept.push(part);
  }
  const rest = kept.join('&');
  return { token: token || null, rest: rest ? `#${rest}` : '' };
}

/** Takes the token out of the address bar (keeping it for the tab) and answers the one to use, if any. */
export function takeToken(): string | null {
  const { token, rest } = splitTokenFromHash(location.hash);
  if (token) {
    saveToken(token);
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest || '#/'}`);
  }
  return readToken();
}

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch (cause) {
    void cause; // storage disabled: the token lives only in memory, for this page load
    return memory;
  }
}

let memory: string | null = null;

export function saveToken(token: string): void {
  memory = token;
  try {
    sessionStorage.setItem(KEY, token);
  } catch (cause) {
    void cause; // storage disabled: kept in memory
  }
}

export function forgetToken(): void {
  memory = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch (cause) {
    void cause;
  }
}
