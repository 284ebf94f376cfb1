import type { Request } from 'express';
import type { MessageContentType } from '@actorkit/api';
import { rawJsonBody } from '../http/body-parsers.js';
import { HttpError } from '../http/http-error.js';

export interface IncomingMessage {
  contentType: MessageContentType;
  body: Buffer;
  /** What the answer's `msg` shows. */
  msg: unknown;
}

/** Query parameters the emulator reads itself; they never become environment variables. */
export const CONTROL_PARAMS: ReadonlySet<string> = new Set(['message', 'x-nonce', '_abaco_synchronous']);

function single(v: unknown): string | undefined {
  const value = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof value === 'string' ? value : undefined;
}

/** Every query parameter except `message` and the control parameters: the execution's own environment. */
export function messageEnvironment(req: Request): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) {
    const value = single(v);
    if (!CONTROL_PARAMS.has(k) && value !== undefined) env[k] = value;
  }
  return env;
}

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * The message of a sendMessage request, in the contract's order: a `message` field (JSON key or form field) is
 * `str`; an application/octet-stream body is binary; any other JSON body is `application/json`; else 400.
 */
export function readMessage(req: Request): IncomingMessage {
  const body: unknown = req.body;
  if (Buffer.isBuffer(body) && req.is('application/octet-stream')) {
    if (body.length === 0) throw HttpError.badRequest('the binary message is empty; send at least one byte');
    return { contentType: 'application/octet-stream', body, msg: `binary message of ${body.length} bytes` };
  }
  const record =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  if (record && 'message' in record && isPrimitive(record['message'])) {
    const text = String(record['message']);
    return { contentType: 'str', body: Buffer.from(text, 'utf8'), msg: text };
  }
  if ((req.is('json') || rawJsonBody(req) !== undefined) && body !== undefined) {
    const text = rawJsonBody(req) ?? JSON.stringify(body); // as sent: MSG is written from the text
    return { contentType: 'application/json', body: Buffer.from(text, 'utf8'), msg: body };
  }
  const fromQuery = single(req.query['message']);
  if (fromQuery !== undefined)
    return { contentType: 'str', body: Buffer.from(fromQuery, 'utf8'), msg: fromQuery };
  throw HttpError.badRequest(
    'no message: send JSON {"message": "..."}, a form field message=..., any JSON body (Content-Type: application/json), or bytes with Content-Type: application/octet-stream',
  );
}
