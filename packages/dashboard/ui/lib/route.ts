import { useEffect, useState } from 'preact/hooks';

/** Where the page is, from the fragment: `#/`, `#/actors/{id}/{tab}[/{executionId}]`, `#/aliases`, ... */
export type Route =
  | { view: 'actors' }
  | { view: 'actor'; actorId: string; tab: ActorTab; executionId: string | null }
  | { view: 'aliases' }
  | { view: 'configs' }
  | { view: 'dev' };

export const ACTOR_TABS = ['executions', 'send', 'state', 'permissions', 'nonces', 'workers'] as const;
export type ActorTab = (typeof ACTOR_TABS)[number];

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const [first, id, tab, executionId] = parts;
  if (first === 'actors' && id) {
    const t = (ACTOR_TABS as readonly string[]).includes(tab ?? '') ? (tab as ActorTab) : 'executions';
    return {
      view: 'actor',
      actorId: id,
      tab: t,
      executionId: t === 'executions' ? (executionId ?? null) : null,
    };
  }
  if (first === 'aliases') return { view: 'aliases' };
  if (first === 'configs') return { view: 'configs' };
  if (first === 'dev') return { view: 'dev' };
  return { view: 'actors' };
}

export function actorHref(actorId: string, tab: ActorTab = 'executions', executionId?: string): string {
  const base = `#/actors/${encodeURIComponent(actorId)}/${tab}`;
  return executionId ? `${base}/${encodeURIComponent(executionId)}` : base;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function go(href: string): void {
  if (location.hash !== href) location.hash = href;
}
