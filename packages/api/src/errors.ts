/** The request that failed, as the client sent it (credentials left out). */
export interface FailedRequest {
  method: string;
  url: string;
}

export interface ActorsApiErrorInit {
  status: number;
  message: string;
  request: FailedRequest;
  body?: unknown;
  cause?: unknown;
}

/**
 * An operation the service refused or could not do: the HTTP status, the service's own message, and the request.
 * `status` is 0 when no answer came (connection refused, time-out).
 */
export class ActorsApiError extends Error {
  override readonly name = 'ActorsApiError';
  readonly status: number;
  readonly serverMessage: string;
  readonly request: FailedRequest;
  readonly body: unknown;

  constructor(init: ActorsApiErrorInit) {
    super(
      `${init.request.method} ${init.request.url} failed (${init.status || 'no response'}): ${init.message}`,
      {
        cause: init.cause,
      },
    );
    this.status = init.status;
    this.serverMessage = init.message;
    this.request = init.request;
    this.body = init.body;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** A response that arrived but does not match the contract: the client's schemas name the fields that differ. */
export class ActorsResponseError extends Error {
  override readonly name = 'ActorsResponseError';
  constructor(
    message: string,
    readonly request: FailedRequest,
    readonly body: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
