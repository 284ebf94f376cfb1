import type { z } from 'zod';
import { toCamelKeys } from './case.js';
import { ActorsApiError, ActorsResponseError, type FailedRequest } from './errors.js';

/** Where the actors routes live on a server. */
export type ApiFlavour = 'v2' | 'v3' | 'root';
export const FLAVOUR_BASE_PATHS: Record<ApiFlavour, string> = {
  v2: '/actors/v2',
  v3: '/v3/actors',
  root: '/actors',
};

/** How the client proves who it is. */
export type Credentials =
  | { kind: 'bearer'; token: string }
  | { kind: 'jwt'; jwt: string; tenant?: string; headerName?: string }
  | { kind: 'tapis'; token: string }
  | { kind: 'nonce'; nonce: string }
  | { kind: 'none' };

export interface TransportOptions {
  /** The server, e.g. `http://127.0.0.1:5000`, or a full base such as `https://host/actors/v2`. */
  baseUrl: string;
  /** Which route prefix to use when `baseUrl` has none. Default `v2`. */
  flavour?: ApiFlavour;
  credentials?: Credentials;
  /** Milliseconds before a request is abandoned. Default 30 000. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Query;
  json?: unknown;
  bytes?: Uint8Array;
  /** Headers for this request only, e.g. `If-None-Match` and `Prefer: wait=N` for a blocking read. */
  headers?: Record<string, string>;
  /** Takes a 304 Not Modified as an answer (conditional requests) instead of an error. */
  notModifiedOk?: boolean;
  /** Abandons the request when it aborts; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
}

const KNOWN_BASES = Object.values(FLAVOUR_BASE_PATHS);

/** The URL as errors show it: a nonce is a credential, so its value is hidden. */
function masked(url: string): string {
  return url.replace(/x-nonce=[^&]+/, 'x-nonce=***');
}

/** Why a request got no answer, e.g. `ECONNREFUSED 127.0.0.1:5000` rather than undici's bare "fetch failed". */
function reason(cause: unknown): string {
  const inner = (cause as { cause?: { message?: unknown } } | undefined)?.cause;
  if (typeof inner?.message === 'string' && inner.message)
    return `${(cause as Error).message} (${inner.message})`;
  return (cause as Error).message;
}

export function resolveBase(baseUrl: string, flavour: ApiFlavour = 'v2'): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const url = new URL(trimmed);
  if (KNOWN_BASES.some((b) => url.pathname.endsWith(b))) return trimmed;
  return trimmed + FLAVOUR_BASE_PATHS[flavour];
}

export class Transport {
  readonly base: string;
  private readonly fetchFn: typeof globalThis.fetch;
  /** Milliseconds before a request is abandoned. */
  readonly timeoutMs: number;

  constructor(private readonly options: TransportOptions) {
    this.base = resolveBase(options.baseUrl, options.flavour);
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private authHeaders(): Record<string, string> {
    const c = this.options.credentials ?? { kind: 'none' };
    switch (c.kind) {
      case 'bearer':
        return { authorization: `Bearer ${c.token}` };
      case 'jwt':
        return {
          [c.headerName ?? `X-Jwt-Assertion-${(c.tenant ?? 'dev').replace(/[^A-Za-z0-9]/g, '-')}`]: c.jwt,
        };
      case 'tapis':
        return { 'x-tapis-token': c.token };
      case 'nonce':
      case 'none':
        return {};
    }
  }

  url(path: string, query: Query = {}): string {
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    const c = this.options.credentials;
    if (c?.kind === 'nonce') url.searchParams.set('x-nonce', c.nonce);
    return url.toString();
  }

  /** Sends a request and returns the raw response once it is known to be a success. */
  async send(spec: RequestSpec): Promise<Response> {
    const url = this.url(spec.path, spec.query);
    const failed: FailedRequest = { method: spec.method, url: masked(url) };
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.options.headers,
      ...spec.headers,
      ...this.authHeaders(),
    };
    let body: RequestInit['body'];
    if (spec.bytes) {
      headers['content-type'] = 'application/octet-stream';
      body = spec.bytes as unknown as RequestInit['body'];
    } else if (spec.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(spec.json);
    }
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method: spec.method,
        headers,
        body,
        signal: spec.signal
          ? AbortSignal.any([spec.signal, AbortSignal.timeout(this.timeoutMs)])
          : AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      spec.signal?.throwIfAborted();
      throw this.noAnswer(cause, failed);
    }
    if (!response.ok && !(spec.notModifiedOk && response.status === 304))
      throw await this.errorFrom(response, failed);
    return response;
  }

  /** Sends a request and reads the whole body of its successful answer, under the same time-out. */
  async read(spec: RequestSpec): Promise<{ response: Response; body: Uint8Array }> {
    const response = await this.send(spec);
    const failed: FailedRequest = {
      method: spec.method,
      url: masked(response.url || this.url(spec.path, spec.query)),
    };
    return { response, body: await this.bytesOf(response, failed) };
  }

  private async bytesOf(response: Response, request: FailedRequest): Promise<Uint8Array> {
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      throw this.noAnswer(cause, request);
    }
  }

  private noAnswer(cause: unknown, request: FailedRequest): ActorsApiError {
    const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
    return new ActorsApiError({
      status: 0,
      message: timedOut
        ? `no answer within ${this.timeoutMs} ms; raise timeoutMs or check that the server is up`
        : `could not reach ${this.base}: ${reason(cause)}; check the URL and that the server is running`,
      request,
      cause,
    });
  }

  private async errorFrom(response: Response, request: FailedRequest): Promise<ActorsApiError> {
    const text = new TextDecoder().decode(await this.bytesOf(response, request));
    let body: unknown = text;
    let message = text.slice(0, 500) || response.statusText;
    try {
      body = JSON.parse(text);
      const m = (body as { message?: unknown }).message;
      if (typeof m === 'string' && m) message = m;
    } catch {
      // not JSON: the text itself is the best message the server gave
    }
    return new ActorsApiError({ status: response.status, message, request, body });
  }

  /** Sends a request, unwraps the envelope and parses its result with `schema`. */
  async call<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const { response, body } = await this.read(spec);
    return this.parse(spec, response, body, schema);
  }

  /**
   * Like `call`, and answers the response too (for its headers). With `notModifiedOk`, a 304 answers a null
   * result: what the caller has is still current.
   */
  async exchange<S extends z.ZodType>(
    spec: RequestSpec,
    schema: S,
  ): Promise<{ response: Response; result: z.output<S> | null }> {
    const { response, body } = await this.read(spec);
    if (response.status === 304) return { response, result: null };
    return { response, result: this.parse(spec, response, body, schema) };
  }

  private parse<S extends z.ZodType>(
    spec: RequestSpec,
    response: Response,
    bytes: Uint8Array,
    schema: S,
  ): z.output<S> {
    const failed: FailedRequest = {
      method: spec.method,
      url: masked(response.url || this.url(spec.path, spec.query)),
    };
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch (cause) {
      throw new ActorsResponseError('the server answered with a body that is not JSON', failed, undefined, {
        cause,
      });
    }
    const envelope = body as { status?: unknown; result?: unknown; message?: unknown };
    if (envelope?.status === 'error') {
      throw new ActorsApiError({
        status: response.status,
        message: typeof envelope.message === 'string' ? envelope.message : 'the server reported an error',
        request: failed,
        body,
      });
    }
    const result = toCamelKeys(
      envelope && typeof envelope === 'object' && 'result' in envelope ? envelope.result : body,
    );
    const parsed = schema.safeParse(result);
    if (!parsed.success) {
      const fields = parsed.error.issues
        .map((i) => `${i.path.join('.') || '(result)'}: ${i.message}`)
        .join('; ');
      throw new ActorsResponseError(
        `the server's answer does not match the contract: ${fields}`,
        failed,
        body,
        {
          cause: parsed.error,
        },
      );
    }
    return parsed.data;
  }
}
