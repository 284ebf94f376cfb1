import type { ErrorRequestHandler, RequestHandler } from 'express';
import createDebug from 'debug';
import { DISK_FULL_MESSAGE, DISK_FULL_RETRY_AFTER_S, isDiskFull } from '../store/disk-full.js';
import { replyError } from './envelope.js';
import { HttpError } from './http-error.js';
import { redactUrl, requestIdOf } from './request-log.js';

const debug = createDebug('actorkit:emulator:error');

/** The errors body-parser raises: a `type`, a status, and for size errors the limit. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  length?: number;
  message: string;
  expose?: boolean;
}

function mapBodyParserError(err: BodyParserError, isBinary: boolean): HttpError | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return HttpError.badRequest(
        `the request body is not valid JSON (${err.message}); fix the JSON, or send form fields instead`,
        err,
      );
    case 'entity.too.large': {
      const limit = err.limit ?? 0;
      const flag = isBinary
        ? '--max-binary-bytes (option maxBinaryBytes)'
        : '--max-body-bytes (option maxBodyBytes)';
      return new HttpError(
        413,
        `the request body${err.length ? ` (${err.length} bytes)` : ''} is over the ${limit}-byte cap for ${isBinary ? 'binary messages' : 'JSON and form bodies'}; send less, or start the emulator with a larger ${flag}`,
        { cause: err },
      );
    }
    case 'request.size.invalid':
      return HttpError.badRequest(
        'the body is shorter or longer than its Content-Length header says; send a correct Content-Length',
        err,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, `${err.message}; send UTF-8 without a Content-Encoding`, { cause: err });
    case 'request.aborted':
      return HttpError.badRequest('the request was aborted before its body arrived', err);
    default:
      return null;
  }
}

/** Other errors the framework raises with a 4xx status, e.g. a path with broken percent-encoding. */
function mapClientError(err: unknown): HttpError | null {
  const status =
    (err as { status?: unknown; statusCode?: unknown }).status ??
    (err as { statusCode?: unknown }).statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  if (err instanceof URIError) {
    return HttpError.badRequest(
      'the URL has a broken percent-encoding (a % not followed by two hex digits); encode ids with encodeURIComponent',
      err,
    );
  }
  return new HttpError(status, `${(err as Error).message}; check the request`, { cause: err });
}

/**
 * A write the store (or a file) refused for lack of space. 507 Insufficient Storage (RFC 4918): the server could not
 * store what the request needed; not the caller's fault (so no 4xx), and not the whole service down (reads work, so
 * no 503). The transaction was rolled back whole, so nothing of the write was kept; `Retry-After` says when to try.
 */
export function mapDiskFull(err: unknown): HttpError | null {
  if (!isDiskFull(err)) return null;
  return new HttpError(507, DISK_FULL_MESSAGE, {
    cause: err,
    headers: { 'Retry-After': String(DISK_FULL_RETRY_AFTER_S) },
  });
}

/** Routes nobody serves. */
export function notFound(): RequestHandler {
  return (req, _res, next) => {
    next(
      HttpError.notFound(
        `no route ${req.method} ${req.path}; the actors API is under /actors/v2, /v3/actors and /actors`,
      ),
    );
  };
}

/** Maps every error to the envelope. Unexpected ones answer 500 with the request id and are logged, never a stack. */
export function errorHandler(): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const binary = req.is('application/octet-stream') === 'application/octet-stream';
    const known =
      err instanceof HttpError
        ? err
        : (mapDiskFull(err) ?? mapBodyParserError(err as BodyParserError, binary) ?? mapClientError(err));
    if (res.headersSent) {
      debug('error after headers were sent on %s %s: %O', req.method, redactUrl(req.originalUrl), err);
      res.end();
      return;
    }
    if (known) {
      if (known.status === 507) debug('507 on %s %s: %s', req.method, redactUrl(req.originalUrl), err);
      res.set(known.headers);
      replyError(res, known.status, known.message);
      return;
    }
    const id = requestIdOf(req);
    debug('500 on request %s (%s %s): %O', id, req.method, redactUrl(req.originalUrl), err);
    replyError(
      res,
      500,
      `the emulator failed unexpectedly (request id ${id}); run with DEBUG=actorkit:* to see why, and report it`,
    );
  };
}
