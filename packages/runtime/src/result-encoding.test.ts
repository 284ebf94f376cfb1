import { describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES } from '@actorkit/api';
import { encodeResult, ResultError } from './index.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('encodeResult', () => {
  it('sends bytes as they are, strings as UTF-8 and other values as JSON text', () => {
    const bytes = new Uint8Array([0, 255, 7]);
    expect(encodeResult(bytes)).toBe(bytes);
    expect([...encodeResult(new Uint8Array([1, 2]).buffer)]).toEqual([1, 2]);
    expect(text(encodeResult('héllo 😀'))).toBe('héllo 😀');
    expect(text(encodeResult({ a: [1, null, 'x'] }))).toBe('{"a":[1,null,"x"]}');
    expect(text(encodeResult(null))).toBe('null');
    expect(text(encodeResult(42))).toBe('42');
  });

  it('takes exactly 131,072 bytes and refuses one more, before sending', () => {
    expect(encodeResult(new Uint8Array(MAX_RESULT_BYTES)).byteLength).toBe(MAX_RESULT_BYTES);
    expect(() => encodeResult('x'.repeat(MAX_RESULT_BYTES + 1))).toThrow(
      /the result is 131073 bytes; one result is at most 131072 bytes \(one datagram\)/,
    );
  });

  it('refuses values that are not JSON', () => {
    expect(() => encodeResult(undefined as never)).toThrow(ResultError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeResult(cyclic as never)).toThrow(/cannot be written as JSON/);
  });
});
