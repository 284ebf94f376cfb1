import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import createDebug from 'debug';

const debug = createDebug('actorkit:emulator:http');
const ids = new WeakMap<Request, string>();

/** The id given to a request, in its logs and its `X-Request-Id` header. */
export function requestIdOf(req: Request): string {
  return ids.get(req) ?? 'unknown';
}

/** Hides nonce ids and tokens that travel in URLs. */
export function redactUrl(url: string): string {
  // a nonce's id is the credential itself: masked in the query (`?x-nonce=`) and in the nonce routes' paths
  return url.replace(/([?&]x-nonce=)[^&]*/gi, '$1***').replace(/(\/nonces\/)[^/?#]+/gi, '$1***');
}

/** Gives each request an id and logs one structured line when its response is sent. */
export function requestLog(): RequestHandler {
  return (req, res, next) => {
    const id = randomUUID().slice(0, 8);
    ids.set(req, id);
    res.set('X-Request-Id', id);
    if (!debug.enabled) {
      next(); // nobody reads the line: skip building it (it cost a few percent of a busy API's time)
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      debug('%o', {
        id,
        method: req.method,
        url: redactUrl(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        bytes: Number(res.get('content-length') ?? 0),
      });
    });
    next();
  };
}
