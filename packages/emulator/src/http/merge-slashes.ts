import type { RequestHandler } from 'express';

/**
 * Runs of `/` in the path become one before routing (`//actors//x` is `/actors/x`), as nginx's `merge_slashes` does
 * in front of the service: an internal rewrite of `req.url` for every method, body untouched, never a redirect (a
 * 301 or 302 would turn a POST into a GET). The query string is left alone.
 */
export function mergeSlashes(): RequestHandler {
  return (req, _res, next) => {
    const q = req.url.indexOf('?');
    const path = q === -1 ? req.url : req.url.slice(0, q);
    if (path.includes('//')) req.url = path.replace(/\/{2,}/g, '/') + (q === -1 ? '' : req.url.slice(q));
    next();
  };
}
