import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import { HttpError } from './http-error.js';
import { multipartBoundary, multipartFields } from './multipart-form.js';

export interface BodyLimits {
  /** JSON and form bodies. */
  maxBodyBytes: number;
  /** Binary messages (application/octet-stream). */
  maxBinaryBytes: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  maxBodyBytes: 10 * 1024 * 1024,
  maxBinaryBytes: 10 * 1024 * 1024,
};

const rawJson = new WeakMap<IncomingMessage, string>();

/** A JSON body's text as it was sent (a JSON message keeps what JSON.parse loses: `1.0`, big ints, key order). */
export function rawJsonBody(req: IncomingMessage): string | undefined {
  return rawJson.get(req);
}

/** How deep a JSON body may nest: enough for any real state or message, far from what overflows a stack. */
export const MAX_JSON_DEPTH = 200;

/** How deep a parsed JSON value nests (0 for a scalar), counted without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, d + 1);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

/**
 * JSON (any JSON value, so state may be a string) and form bodies, URL-encoded or `multipart/form-data` (the
 * service reads both through Flask's `request.form`, so `curl -F message=hi` sends a message: fidelity §9.5).
 * `curl -d '{"image": ...}'` sends JSON as a form (curl's default content type): a form whose only key is a JSON
 * object and whose value is empty is read as JSON.
 */
export function jsonAndFormBodies(limits: BodyLimits): RequestHandler[] {
  return [
    express.json({
      limit: limits.maxBodyBytes,
      strict: false,
      type: ['application/json', 'application/*+json'],
      verify: (req, _res, buf) => void rawJson.set(req, buf.toString('utf8')),
    }),
    express.urlencoded({ limit: limits.maxBodyBytes, extended: false }),
    express.raw({ limit: limits.maxBodyBytes, type: 'multipart/form-data' }),
    (req, _res, next) => {
      if (!Buffer.isBuffer(req.body) || !req.is('multipart/form-data')) {
        next();
        return;
      }
      const boundary = multipartBoundary(req.get('content-type'));
      if (!boundary) {
        next(
          HttpError.badRequest(
            'a multipart/form-data body needs a boundary parameter (of at most 70 characters) in its Content-Type; let the client (curl -F, FormData) write the header',
          ),
        );
        return;
      }
      try {
        req.body = multipartFields(req.body, boundary);
      } catch (error) {
        next(error);
        return;
      }
      next();
    },
    (req, _res, next) => {
      const depth = jsonDepth(req.body);
      if (depth > MAX_JSON_DEPTH) {
        next(
          HttpError.badRequest(
            `the JSON body nests more than ${MAX_JSON_DEPTH} levels deep, which is all that is accepted: flatten it`,
          ),
        );
        return;
      }
      next();
    },
    (req, _res, next) => {
      if (req.is('application/x-www-form-urlencoded') && req.body && typeof req.body === 'object') {
        const entries = Object.entries(req.body as Record<string, unknown>);
        const [first] = entries;
        if (entries.length === 1 && first && first[1] === '' && first[0].trim().startsWith('{')) {
          try {
            req.body = JSON.parse(first[0]) as unknown;
            rawJson.set(req, first[0]);
          } catch (cause) {
            next(
              HttpError.badRequest(
                `the body looks like JSON but is not valid JSON (${(cause as Error).message}); check it, and send it with Content-Type: application/json`,
                cause,
              ),
            );
            return;
          }
        }
      }
      next();
    },
  ];
}

/** Binary messages: Content-Length is required (as the real service requires it), and the body is capped. */
export function binaryBody(limits: BodyLimits): RequestHandler[] {
  return [
    (req, _res, next) => {
      if (!req.is('application/octet-stream')) {
        next();
        return;
      }
      if (req.get('content-length') === undefined) {
        next(
          HttpError.badRequest(
            'a binary message (Content-Type: application/octet-stream) needs a Content-Length header; send the whole body at once rather than chunked',
          ),
        );
        return;
      }
      next();
    },
    express.raw({ limit: limits.maxBinaryBytes, type: 'application/octet-stream' }),
  ];
}
