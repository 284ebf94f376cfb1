import type { ActorsClient } from '@actorkit/api';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DevFeedState } from './lib/dev-feed.js';
import type { Observable } from './lib/observable.js';
import type { ExecutionTracker } from './lib/tracker.js';

export interface ConfirmRequest {
  title: string;
  body: string;
  /** The button that does it, e.g. "Delete nonce". */
  action: string;
}

export interface AppContext {
  client: ActorsClient;
  tracker: ExecutionTracker;
  devFeed: Observable<DevFeedState>;
  /** Asks before a mutation that cannot be undone; true when confirmed. */
  confirm(request: ConfirmRequest): Promise<boolean>;
  /** The token was refused: back to the token form. */
  signOut(reason: string): void;
}

export const AppCtx = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const ctx = useContext(AppCtx);
  if (!ctx) throw new Error('useApp outside the signed-in page');
  return ctx;
}
