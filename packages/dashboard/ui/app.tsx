import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AppCtx, type AppContext } from './app-context.js';
import { clientFor } from './lib/api.js';
import { connectDevFeed } from './lib/dev-feed.js';
import { useObservable } from './lib/observable.js';
import { useRoute, type Route } from './lib/route.js';
import { forgetToken, readToken, saveToken, takeToken } from './lib/token.js';
import { ExecutionTracker } from './lib/tracker.js';
import { useConfirmHost } from './parts/confirm-host.js';
import { ActorView } from './views/actor-view.js';
import { ActorsView } from './views/actors-view.js';
import { AliasesView } from './views/aliases-view.js';
import { ConfigsView } from './views/configs-view.js';
import { DevView } from './views/dev-view.js';
import { TokenGate } from './views/token-gate.js';

export function App() {
  const [token, setToken] = useState<string | null>(() => takeToken());
  const [reason, setReason] = useState<string | null>(null);
  if (!token) {
    return (
      <TokenGate
        reason={reason}
        onToken={(t) => {
          saveToken(t);
          setReason(null);
          setToken(readToken());
        }}
      />
    );
  }
  return (
    <SignedIn
      key={token}
      token={token}
      signOut={(why) => {
        forgetToken();
        setReason(why);
        setToken(null);
      }}
    />
  );
}

function SignedIn({ token, signOut: leave }: { token: string; signOut: (reason: string) => void }) {
  // The parent's callback changes identity on each of its renders; effects below must not re-run for that.
  const leaveRef = useRef(leave);
  leaveRef.current = leave;
  const signOut = useCallback((reason: string) => leaveRef.current(reason), []);
  const client = useMemo(
    () => clientFor(token, () => signOut('The emulator refused the token; paste the current one.')),
    [token, signOut],
  );
  const tracker = useMemo(() => new ExecutionTracker(client), [client]);
  const dev = useMemo(() => connectDevFeed(token), [token]);
  const { confirm, host } = useConfirmHost();
  const route = useRoute();
  const devState = useObservable(dev.feed);
  useEffect(
    () => () => {
      tracker.dispose();
      dev.close();
    },
    [tracker, dev],
  );
  const main = useRef<HTMLElement>(null);
  const ctx: AppContext = useMemo(
    () => ({ client, tracker, devFeed: dev.feed, confirm, signOut }),
    [client, tracker, dev, confirm, signOut],
  );
  // shown once the emulator answers that a dev loop publishes there (`actorkit dev`)
  const showDev = devState.connection === 'open' || devState.rounds.length > 0;
  return (
    <AppCtx.Provider value={ctx}>
      <button type="button" class="skip" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <a href="#/" class="brand">
          <img src={iconHref()} alt="" width={20} height={20} /> ActorKit
        </a>
        <nav aria-label="sections" class="sections">
          <NavLink route={route} view="actors" href="#/" label="Actors" />
          <NavLink route={route} view="aliases" href="#/aliases" label="Aliases" />
          <NavLink route={route} view="configs" href="#/configs" label="Configs" />
          {showDev ? <NavLink route={route} view="dev" href="#/dev" label="Dev loop" /> : null}
        </nav>
        <span class="spacer" />
        <span class="muted origin">{location.host}</span>
        <button type="button" class="small" onClick={() => signOut('You forgot the token for this tab.')}>
          Forget token
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <View route={route} />
      </main>
      {host}
    </AppCtx.Provider>
  );
}

function iconHref(): string {
  return document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '';
}

function NavLink({
  route,
  view,
  href,
  label,
}: {
  route: Route;
  view: Route['view'];
  href: string;
  label: string;
}) {
  const current = route.view === view || (view === 'actors' && route.view === 'actor');
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {label}
    </a>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'actors':
      return <ActorsView />;
    case 'actor':
      return <ActorView actorId={route.actorId} tab={route.tab} executionId={route.executionId} />;
    case 'aliases':
      return <AliasesView />;
    case 'configs':
      return <ConfigsView />;
    case 'dev':
      return <DevView />;
  }
}
