import { describe, expect, it } from 'vitest';
import { splitTokenFromHash } from './token.js';

describe('splitTokenFromHash', () => {
  it('takes the token out of the fragment the CLI prints', () => {
    expect(splitTokenFromHash('#token=abc123')).toEqual({ token: 'abc123', rest: '' });
  });

  it('keeps the rest of the fragment (a route) and decodes the token', () => {
    expect(splitTokenFromHash('#/actors/x/executions&token=a%2Bb')).toEqual({
      token: 'a+b',
      rest: '#/actors/x/executions',
    });
  });

  it('finds no token where there is none', () => {
    expect(splitTokenFromHash('#/aliases')).toEqual({ token: null, rest: '#/aliases' });
    expect(splitTokenFromHash('')).toEqual({ token: null, rest: '' });
  });
});
