import { z } from 'zod';
import { PERMISSION_LEVELS, PermissionLevelSchema, type PermissionLevel } from './common.js';
import { ActorsApiError, ActorsResponseError, type FailedRequest } from './errors.js';
import type { RequestSpec, Transport } from './transport.js';

/** A sequence as Python prints a tuple of strings, e.g. `('NONE', 'READ')`: the service formats its texts so. */
export function pythonTuple(items: readonly string[]): string {
  return `(${items.map((i) => `'${i}'`).join(', ')})`;
}

/** The service's text for a level it does not know (`PermissionsResource.validate_post`). */
export function invalidPermissionLevelText(level: unknown): string {
  return `Invalid permission level: ${String(level)}. The valid values are ${pythonTuple(PERMISSION_LEVELS)}`;
}

/**
 * A level among `levels`, in any case (`read` is taken as `READ`, an emulator leniency), failing with `text`.
 * Used by the permission and nonce requests, whose failures are the service's own texts.
 */
export function levelAmong<const L extends readonly PermissionLevel[]>(
  levels: L,
  text: (given: unknown) => string,
): z.ZodType<L[number], string> {
  const required = `level is required: one of ${levels.join(', ')}`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? required : text(issue.input)) })
    .transform((given, ctx) => {
      const level = given.trim().toUpperCase();
      if ((levels as readonly string[]).includes(level)) return level as L[number];
      ctx.addIssue({ code: 'custom', message: text(given) });
      return z.NEVER;
    });
}

/** updatePermissions body: `{user, level}`; level NONE is stored as a level; user ABACO_WORLD shares with everyone. */
export const PermissionsUpdateRequestSchema = z.object({
  user: z
    .string({ error: 'user is required: the username to grant to, or ABACO_WORLD for everyone' })
    .trim()
    .min(1, 'user is required: the username to grant to, or ABACO_WORLD for everyone'),
  level: levelAmong(PERMISSION_LEVELS, invalidPermissionLevelText),
});
export type PermissionsUpdateRequest = z.input<typeof PermissionsUpdateRequestSchema>;

/**
 * A permissions document as the service answers it for GET and POST on actors, aliases and configs: the flat map
 * `{user: LEVEL}` (NONE included, as stored). Its keys are user names: they are never converted between key cases.
 */
export const PermissionsDocumentSchema = z.record(z.string(), PermissionLevelSchema);
export type PermissionsDocument = z.output<typeof PermissionsDocumentSchema>;

/** getPermissions / updatePermissions (and their alias forms): the flat map of users and their levels. */
export const ActorPermissionsSchema = PermissionsDocumentSchema;
export type ActorPermissions = PermissionsDocument;

/** The URL as errors show it: a nonce is a credential, so its value is hidden. */
function shownUrl(url: string): string {
  return url.replace(/x-nonce=[^&]+/, 'x-nonce=***');
}

/**
 * Sends a permissions request and reads the document it answers. The transport converts result keys to camel case,
 * which would rename users (`jane_doe` to `janeDoe`), so the envelope is read here with its keys as sent.
 */
export async function callPermissions(http: Transport, spec: RequestSpec): Promise<PermissionsDocument> {
  const { response, body } = await http.read(spec);
  const request: FailedRequest = {
    method: spec.method,
    url: shownUrl(response.url || http.url(spec.path, spec.query)),
  };
  let envelope: unknown;
  try {
    envelope = JSON.parse(new TextDecoder().decode(body));
  } catch (cause) {
    throw new ActorsResponseError('the server answered with a body that is not JSON', request, undefined, {
      cause,
    });
  }
  const e = envelope as { status?: unknown; message?: unknown; result?: unknown } | null;
  if (e?.status === 'error') {
    throw new ActorsApiError({
      status: response.status,
      message: typeof e.message === 'string' ? e.message : 'the server reported an error',
      request,
      body: envelope,
    });
  }
  const result = e && typeof e === 'object' && 'result' in e ? e.result : envelope;
  const parsed = PermissionsDocumentSchema.safeParse(result);
  if (!parsed.success) {
    const fields = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(result)'}: ${i.message}`)
      .join('; ');
    throw new ActorsResponseError(
      `the server's answer does not match the contract: ${fields}`,
      request,
      envelope,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
