import { describe, expect, it } from 'vitest';
import { FLAVOUR_BASE_PATHS, resolveBase, Transport } from './transport.js';

describe('resolveBase', () => {
  it.each([
    ['http://h:5000', 'v2', 'http://h:5000/actors/v2'],
    ['http://h:5000/', 'v3', 'http://h:5000/v3/actors'],
    ['http://h:5000', 'root', 'http://h:5000/actors'],
    ['https://h/actors/v2/', 'v3', 'https://h/actors/v2'],
    ['https://h/v3/actors', 'v2', 'https://h/v3/actors'],
    ['https://h/proxy/actors', 'v2', 'https://h/proxy/actors'],
    ['https://h/proxy', 'v2', 'https://h/proxy/actors/v2'],
  ] as const)('%s with flavour %s is %s', (baseUrl, flavour, expected) => {
    expect(resolveBase(baseUrl, flavour)).toBe(expected);
  });

  it('defaults to v2 and names the three bases', () => {
    expect(resolveBase('http://h')).toBe('http://h/actors/v2');
    expect(FLAVOUR_BASE_PATHS).toEqual({ v2: '/actors/v2', v3: '/v3/actors', root: '/actors' });
  });

  it.each(['not a url', '127.0.0.1:5000'])('refuses %j, which is not a URL', (baseUrl) => {
    expect(() => resolveBase(baseUrl)).toThrow(TypeError);
  });
});

describe('Transport.url', () => {
  it('encodes query values, drops undefined ones and appends the nonce last', () => {
    const t = new Transport({ baseUrl: 'http://h', credentials: { kind: 'nonce', nonce: 'DEV_n' } });
    expect(t.url('/a1/messages', { A: 'x y&z', B: undefined, C: 2, D: false })).toBe(
      'http://h/actors/v2/a1/messages?A=x+y%26z&C=2&D=false&x-nonce=DEV_n',
    );
  });

  it('adds nothing for other credentials', () => {
    const t = new Transport({
      baseUrl: 'http://h',
      flavour: 'v3',
      credentials: { kind: 'bearer', token: 't' },
    });
    expect(t.url('')).toBe('http://h/v3/actors');
  });
});
