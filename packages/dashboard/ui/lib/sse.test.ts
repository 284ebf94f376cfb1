import { describe, expect, it } from 'vitest';
import { SseParser } from './sse.js';

describe('SseParser', () => {
  it('reads events split anywhere across chunks', () => {
    const p = new SseParser();
    const text =
      'retry: 2000\nevent: hello\ndata: {}\n\nevent: dev\nid: 1\ndata: {"type":"x"}\n\n: keep-alive\n\n';
    const out = [...text].flatMap((c) => p.push(c));
    expect(out).toEqual([
      { event: 'hello', data: '{}', id: null },
      { event: 'dev', data: '{"type":"x"}', id: '1' },
    ]);
  });

  it('joins data lines, takes CRLF and CR line ends, and defaults the event name', () => {
    const p = new SseParser();
    expect(p.push('data: a\r\ndata: b\r\n\r')).toEqual([]);
    // a CR at the very end may be half of a CRLF: the event waits for the next chunk
    expect(p.push('\ndata:c\r\r\n')).toEqual([
      { event: 'message', data: 'a\nb', id: null },
      { event: 'message', data: 'c', id: null },
    ]);
  });
});
