import { describe, expect, it } from 'vitest';
import { tokenDefault, DEFAULT_ACTOR_SETTINGS } from './actor-settings.js';
import { tokenEnabled } from './token-enabled.js';

describe('token settings (fidelity §8.6)', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['True', true],
    ['false', false],
    ['FALSE', false],
    [' False ', false],
    ['', false],
  ])('reads token %j as %s', (token, enabled) => {
    expect(tokenEnabled({ token })).toBe(enabled);
  });

  it('defaults to the tenant text, then the deployment text, then false', () => {
    const settings = {
      ...DEFAULT_ACTOR_SETTINGS,
      defaultToken: 'true',
      tenantDefaultTokens: { 'dev-staging': 'false' },
    };
    expect(tokenDefault(settings, 'DEV-STAGING')).toBe('false');
    expect(tokenDefault(settings, 'SD2E')).toBe('true');
    expect(tokenDefault(DEFAULT_ACTOR_SETTINGS, 'SD2E')).toBe(false);
  });
});
