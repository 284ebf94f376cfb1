import type { Response } from 'express';
import type { z } from 'zod';
import { toKeyCase, type Envelope, type KeyCase } from '@actorkit/api';

/** Written in every envelope's `version`. */
export const EMULATOR_VERSION = 'actorkit-emulator-0.1.0';

export interface ReplyOptions {
  keyCase: KeyCase;
}

/**
 * How the result is displayed, as the service's models do it (`AbacoDAO.case`):
 * - `model`: the result is one displayed object: in camel case its null-valued top-level keys are dropped;
 * - `models`: the result is a list of displayed objects, each treated as above;
 * - `plain`: the keys are converted, nothing is dropped (search results, summaries built by hand, maps);
 * - `verbatim`: the keys stay as they are in either case (the service fixes them, e.g. utilization).
 */
export type DisplayKind = 'model' | 'models' | 'plain' | 'verbatim';

function dropNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null));
}

/** The result as the service shows it in a key case: keys converted, and in camel case null model fields dropped. */
export function displayResult(value: unknown, keyCase: KeyCase, kind: DisplayKind): unknown {
  if (kind === 'verbatim') return value;
  let shown = value;
  if (keyCase === 'camel' && kind === 'model') shown = dropNulls(value);
  if (keyCase === 'camel' && kind === 'models' && Array.isArray(value)) shown = value.map(dropNulls);
  return toKeyCase(shown, keyCase);
}

/** The v3 base (`/v3/actors`) answers tapisservice's envelope, which has an extra `metadata: {}`. */
function isV3(res: Response): boolean {
  return res.req.baseUrl.startsWith('/v3/');
}

function envelope(res: Response, body: Envelope): Envelope & { metadata?: Record<string, never> } {
  return isV3(res) ? { ...body, metadata: {} } : body;
}

/** Raised when a route builds a result its declared schema rejects: a bug of the emulator, never the caller's. */
export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
}

/**
 * Answers 200 with the success envelope. The route declares the result's schema (from `@actorkit/api`, in camel
 * case, strict); the result is built through it, so a key the schema does not name can never reach a client.
 */
export function reply<S extends z.ZodType>(
  res: Response,
  options: ReplyOptions,
  schema: S,
  result: z.input<S>,
  message: string,
  kind: DisplayKind = 'model',
): void {
  const parsed = schema.safeParse(result);
  if (!parsed.success) {
    throw new ResponseShapeError(
      `the result does not match its schema: ${parsed.error.issues
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
      { cause: parsed.error },
    );
  }
  const body: Envelope = {
    result: displayResult(parsed.data, options.keyCase, kind),
    status: 'success',
    message,
    version: EMULATOR_VERSION,
  };
  res.status(200).json(envelope(res, body));
}

/** Answers 200 with `result: null` (deletes, force-quit, worker requests). */
export function replyNull(res: Response, message: string): void {
  res
    .status(200)
    .json(envelope(res, { result: null, status: 'success', message, version: EMULATOR_VERSION }));
}

/** Answers an error envelope: `result` null and a message that says what was wrong and how to fix it. */
export function replyError(res: Response, status: number, message: string): void {
  const body: Envelope = { result: null, status: 'error', message, version: EMULATOR_VERSION };
  res.status(status).json(envelope(res, body));
}
