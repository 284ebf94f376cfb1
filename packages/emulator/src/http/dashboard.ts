import { timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import createDebug from 'debug';
import { loadDashboard, UI_BASE_PATH, type DashboardFile } from '@actorkit/dashboard';
import { knownUsers, type AuthConfig } from '../auth/users.js';
import type { EmulatorContext } from '../context.js';
import { devEventsOf, type DevEventSource } from './dev-events.js';
import { replyError } from './envelope.js';

const debug = createDebug('actorkit:emulator:dashboard');

/** Where `actorkit dev`'s events are served, as server-sent events. Outside the API's bases, like the page. */
export const DEV_EVENTS_PATH = '/_actorkit/dev/events';

/**
 * The page may run only its own scripts and styles and talk only to this server; nothing may frame it; no inline
 * script or style, no eval, and Trusted Types required for every DOM sink.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const PAGE_HEADERS = {
  'Content-Security-Policy': DASHBOARD_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** A page that names the dev loop's stream wants it; the blocking reads of the API do the rest. */
const HEARTBEAT_MS = 15_000;

/** What the dashboard needs of the emulator. */
export type DashboardContext = Pick<EmulatorContext, 'auth' | 'store'>;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The dev loop's events are the developer's: the bearer token of a user the emulator knows (or --no-auth). */
function mayReadDevEvents(auth: AuthConfig, req: Request): boolean {
  const header = req.get('authorization') ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m) return auth.noAuth;
  return knownUsers(auth).some((u) => sameSecret(u.token, m[1]!));
}

/** Sends a file: 304 when the browser has it, gzipped when it may be. */
function sendFile(req: Request, res: Response, file: DashboardFile, cacheControl: string): void {
  const gzip = file.gzip && /\bgzip\b/.test(req.get('accept-encoding') ?? '') ? file.gzip : null;
  // each encoding is its own representation, with its own tag
  const etag = gzip ? `${file.etag.slice(0, -1)}-gz"` : file.etag;
  res.set(PAGE_HEADERS);
  res.set({ 'Content-Type': file.contentType, 'Cache-Control': cacheControl, ETag: etag });
  res.vary('Accept-Encoding');
  if ((req.get('if-none-match') ?? '').split(/\s*,\s*/).includes(etag)) {
    res.status(304).end();
    return;
  }
  const body = gzip ?? file.body;
  if (gzip) res.set('Content-Encoding', 'gzip');
  res.set('Content-Length', String(body.byteLength));
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The web dashboard at `/` (outside the API's bases): the page, its hashed assets under `/_actorkit/ui/`, and the
 * dev loop's event stream. Nothing is read until the first request, so the emulator starts as fast as without it.
 * The page itself needs no credentials (it holds none); everything it shows comes through the API with the token
 * the user gives it.
 */
export function dashboard(ctx: DashboardContext): Router {
  const router = Router({ caseSensitive: true, strict: true });

  const page = async (res: Response) => {
    let bundle;
    try {
      bundle = await loadDashboard();
    } catch (error) {
      debug('the dashboard could not be loaded: %O', error);
      res.set(PAGE_HEADERS);
      res
        .status(503)
        .type('text/plain')
        .send(
          `The dashboard is not available: ${(error as Error).message}. The API works as usual under /actors/v2 and /v3/actors.\n`,
        );
      return null;
    }
    return bundle;
  };

  router.get(['/', '/index.html'], async (req, res) => {
    const bundle = await page(res);
    // the page names its assets by hash: it must be revalidated, they never
    if (bundle) sendFile(req, res, bundle.index, 'no-cache');
  });

  router.get(`${UI_BASE_PATH}:name`, async (req, res, next) => {
    const bundle = await page(res);
    if (!bundle) return;
    const file = bundle.assets.get(String(req.params.name));
    if (!file) {
      next(); // the API's 404
      return;
    }
    sendFile(req, res, file, 'public, max-age=31536000, immutable');
  });

  router.get(DEV_EVENTS_PATH, (req, res) => {
    const source = devEventsOf(ctx.store);
    if (!source) {
      // not an error: the page asks every emulator, and only `actorkit dev`'s has rounds to show
      res.status(204).set('Cache-Control', 'no-store').end();
      return;
    }
    if (!mayReadDevEvents(ctx.auth, req)) {
      replyError(res, 401, 'the dev loop events need the bearer token `actorkit dev` printed');
      return;
    }
    streamEvents(req, res, source, ctx.store.changes);
  });

  return router;
}

/** The release of blocking reads on stop is the emulator's "stopping" signal; a stream ends with them. */
interface StopSignal {
  next(key: string, ms: number, signal?: AbortSignal): Promise<void>;
  readonly isReleased: boolean;
}

/** A key no execution has: waiting on it wakes only on a stop, an abort or the time-out. */
const STREAM_KEY = '\u0000dashboard-event-stream';

function streamEvents(req: Request, res: Response, source: DevEventSource, stopping: StopSignal): void {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
    'X-Content-Type-Options': 'nosniff',
  });
  res.flushHeaders();
  let seq = 0;
  const send = (event: object) => {
    seq += 1;
    res.write(`event: dev\nid: ${seq}\ndata: ${JSON.stringify(event)}\n\n`);
  };
  res.write('retry: 2000\nevent: hello\ndata: {}\n\n');
  for (const event of source.history()) send(event);
  const unsubscribe = source.subscribe(send);
  const gone = new AbortController();
  req.on('close', () => gone.abort());
  void (async () => {
    // Heartbeats keep proxies and the browser from dropping a quiet stream; a stop of the emulator ends it at once.
    while (!gone.signal.aborted && !stopping.isReleased) {
      await stopping.next(STREAM_KEY, HEARTBEAT_MS, gone.signal);
      if (!gone.signal.aborted && !stopping.isReleased) res.write(': keep-alive\n\n');
    }
    unsubscribe();
    res.end();
  })();
}
