/**
 * The one error the API answers with: it knows its status and its message (what was wrong and how to fix it).
 * The central error handler turns it into the envelope.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
    options: { cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.headers = options.headers ?? {};
  }

  readonly headers: Record<string, string>;

  /** Bad input, and permission denials (the real service answers both with 400). */
  static badRequest(message: string, cause?: unknown): HttpError {
    return new HttpError(400, message, { cause });
  }

  static forbidden(message: string): HttpError {
    return new HttpError(400, message);
  }

  static unauthorized(message: string): HttpError {
    return new HttpError(401, message, { headers: { 'WWW-Authenticate': 'Bearer realm="actorkit"' } });
  }

  static notFound(message: string): HttpError {
    return new HttpError(404, message);
  }

  static methodNotAllowed(method: string, path: string, allowed: readonly string[]): HttpError {
    return new HttpError(405, `${method} is not allowed on ${path}; use ${allowed.join(', ')}`, {
      headers: { Allow: [...allowed, 'OPTIONS'].join(', ') },
    });
  }
}
