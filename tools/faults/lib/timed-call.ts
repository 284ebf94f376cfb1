/** One request's fate: its status (0 when it got no answer within the bound, or the connection failed), time and body. */
export interface Answer {
  status: number;
  ms: number;
  /** The parsed envelope, when the body was one. */
  envelope: { result: unknown; status: string; message: string } | null;
  text: string;
  /** Why there was no answer (status 0). */
  failure?: string;
}

/** A request bounded in time: never throws, an unanswered one comes back as status 0 saying why. */
export async function timedCall(
  url: string,
  init: { method: string; token: string; body?: unknown },
  boundMs: number,
): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: init.method,
      headers: {
        authorization: `Bearer ${init.token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(boundMs),
    });
    const text = await res.text();
    let envelope: Answer['envelope'] = null;
    try {
      envelope = JSON.parse(text) as Answer['envelope'];
    } catch (error) {
      void error; // not JSON: reported as a body that is no envelope
    }
    return { status: res.status, ms: performance.now() - started, envelope, text };
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return {
      status: 0,
      ms: performance.now() - started,
      envelope: null,
      text: '',
      failure: `${e.name}: ${e.message}${e.cause ? ` (${e.cause.message})` : ''}`,
    };
  }
}
