import { describe, expect, it } from 'vitest';
import { parseUpOptions, UP_HELP } from '../src/commands/up.js';

describe('actorkit up: actor settings flags', () => {
  it('passes nothing when no flag is given, so the emulator keeps its defaults', () => {
    const emulator = parseUpOptions([])?.emulator;
    expect(emulator).not.toHaveProperty('defaultToken');
    expect(emulator).not.toHaveProperty('tenantDefaultTokens');
    expect(emulator).not.toHaveProperty('queues');
  });

  it('reads the default token as text, per-tenant tokens and the queue list', () => {
    const emulator = parseUpOptions([
      '--default-token',
      'false',
      '--tenant-default-token',
      'DEV-STAGING=true',
      '--tenant-default-token',
      'SD2E=a=b',
      '--queues',
      'default, special',
    ])?.emulator;
    expect(emulator).toMatchObject({
      defaultToken: 'false',
      tenantDefaultTokens: { 'DEV-STAGING': 'true', SD2E: 'a=b' },
      queues: ['default', 'special'],
    });
  });

  it('rejects a tenant token without TENANT= and an empty queue list', () => {
    expect(() => parseUpOptions(['--tenant-default-token', 'true'])).toThrow(/TENANT=VALUE/);
    expect(() => parseUpOptions(['--tenant-default-token', '=true'])).toThrow(/TENANT=VALUE/);
    expect(() => parseUpOptions(['--queues', ' , '])).toThrow(/--queues/);
  });

  it('documents the flags in the help', () => {
    expect(UP_HELP).toMatch(/--default-token/);
    expect(UP_HELP).toMatch(/--tenant-default-token/);
    expect(UP_HELP).toMatch(/--queues/);
  });
});
