import { describe, expect, it } from 'vitest';
import { decodeResult, hexDump } from './decode-result.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeResult', () => {
  it('reads JSON as a value, pretty-printed', () => {
    const r = decodeResult(utf8('{"greeting":"hello","n":[1,2]}'));
    expect(r).toMatchObject({ kind: 'json', value: { greeting: 'hello', n: [1, 2] } });
    expect(r.kind === 'json' && r.pretty).toContain('\n  "greeting": "hello"');
  });

  it('reads UTF-8 text that is not JSON as text, accents and newlines kept', () => {
    expect(decodeResult(utf8('héllo wörld\nline 2'))).toEqual({
      kind: 'text',
      size: 20,
      text: 'héllo wörld\nline 2',
    });
    expect(decodeResult(utf8('{not json'))).toMatchObject({ kind: 'text' });
  });

  it('names a Python pickle and its protocol', () => {
    // pickle.dumps('hi', protocol=4)
    const r = decodeResult(
      bytes(0x80, 0x04, 0x95, 0x06, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x02, 0x68, 0x69, 0x94, 0x2e),
    );
    expect(r).toMatchObject({ kind: 'pickle', protocol: 4, size: 17 });
  });

  it('shows other bytes as hex, with an ASCII column', () => {
    const r = decodeResult(bytes(0x00, 0xff, 0x41, 0x10));
    expect(r).toMatchObject({ kind: 'bytes', size: 4 });
    expect(r.kind === 'bytes' && r.hex).toBe(`000000  ${'00 ff 41 10'.padEnd(47)}  ..A.`);
  });

  it('says an empty result is empty', () => {
    expect(decodeResult(new Uint8Array())).toEqual({ kind: 'empty', size: 0 });
  });

  it('cuts a long dump and says how much is left', () => {
    const dump = hexDump(new Uint8Array(40), 32);
    expect(dump.split('\n')).toHaveLength(3);
    expect(dump).toContain('… 8 more bytes');
  });
});
