/**
 * Server-sent events read with fetch rather than EventSource: EventSource cannot send an Authorization header, and
 * the token must never travel in a URL (it would land in logs and history).
 */

export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

/** The text/event-stream format (WHATWG HTML §9.2.6), fed in chunks as they arrive. */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | null = null;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // a lone \r at the end may be the first half of \r\n: wait for the next chunk
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      if (line === '') {
        if (this.data.length)
          out.push({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
        this.data = [];
        this.event = '';
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (name === 'data') this.data.push(value);
      else if (name === 'event') this.event = value;
      else if (name === 'id') this.id = value;
    }
    return out;
  }
}

export type StreamEnd =
  { kind: 'ended' } | { kind: 'refused'; status: number } | { kind: 'failed'; error: unknown };

/** Reads one event stream until it ends, the server refuses it, or `signal` aborts. */
export async function readEventStream(
  url: string,
  headers: Record<string, string>,
  onMessage: (message: SseMessage) => void,
  signal: AbortSignal,
): Promise<StreamEnd> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    return { kind: 'failed', error };
  }
  if (!response.ok || response.status === 204 || !response.body) {
    await response.body?.cancel();
    return { kind: 'refused', status: response.status };
  }
  const parser = new SseParser();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { kind: 'ended' };
      for (const message of parser.push(value)) onMessage(message);
    }
  } catch (error) {
    return { kind: 'failed', error };
  } finally {
    reader.releaseLock();
  }
}
