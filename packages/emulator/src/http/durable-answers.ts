import type { Request, RequestHandler, Response } from 'express';
import createDebug from 'debug';
import type { Store } from '../store/store.js';

const debug = createDebug('actorkit:emulator:error');

/** Reads write nothing, except a nonce's use count: those requests answer at once. */
function writes(req: Request): boolean {
  const read = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
  return !read || req.originalUrl.includes('x-nonce=');
}

/**
 * Holds the answer to each request that writes until its writes are on disk (`store.flushed()`, one shared fsync for
 * every request of the moment), then sends it: the client never sees an acknowledgement of a write a power loss could
 * undo. When the disk fails, the connection is cut instead: no answer, so nothing is acknowledged. Reads answer at
 * once (they would otherwise wait for the workers' bookkeeping, which needs no acknowledgement).
 */
export function durableAnswers(store: Store): RequestHandler {
  return (req, res, next) => {
    if (!writes(req)) {
      next();
      return;
    }
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      store.flushed().then(
        () => end(...args),
        (error: unknown) => {
          debug(
            'the store could not be flushed to disk; cutting %s %s: %O',
            req.method,
            req.originalUrl,
            error,
          );
          res.destroy(error as Error);
        },
      );
      return res;
    }) as Response['end'];
    next();
  };
}
