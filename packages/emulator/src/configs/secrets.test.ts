import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigSecretError, SecretCipher } from './secret-cipher.js';
import { CONFIG_KEY_FILE, ConfigKeyError, configSecretKey } from './secret-key.js';

describe('SecretCipher', () => {
  const cipher = new SecretCipher(Buffer.alloc(32, 7));
  const owner = { tenant: 'DEV', name: 'db' };

  it('round-trips a value, with a fresh nonce each time', () => {
    const a = cipher.encrypt('pässwörd', owner);
    const b = cipher.encrypt('pässwörd', owner);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(cipher.decrypt(a, owner)).toBe('pässwörd');
  });

  it('refuses a ciphertext moved to another config or tenant, or altered', () => {
    const text = cipher.encrypt('secret', owner);
    expect(() => cipher.decrypt(text, { tenant: 'DEV', name: 'other' })).toThrow(ConfigSecretError);
    expect(() => cipher.decrypt(text, { tenant: 'DEV_', name: 'db' })).toThrow(ConfigSecretError);
    const parts = text.split('.');
    const altered = [...parts.slice(0, 3), parts[3]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))].join('.');
    expect(() => cipher.decrypt(altered, owner)).toThrow(ConfigSecretError);
    expect(() => cipher.decrypt('not-a-ciphertext', owner)).toThrow(/not in the v1 format/);
  });

  it('does not decrypt with another key, and never names the value', () => {
    const text = cipher.encrypt('hunter2', owner);
    const other = new SecretCipher(Buffer.alloc(32, 8));
    try {
      other.decrypt(text, owner);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigSecretError);
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as Error).message).toContain('config db');
    }
  });
});

describe('configSecretKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'actorkit-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the key file once, mode 0600, and reads the same key afterwards', () => {
    const first = configSecretKey(dir);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, CONFIG_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(configSecretKey(dir).equals(first)).toBe(true);
  });

  it('makes a key file others could read private again', () => {
    configSecretKey(dir);
    chmodSync(join(dir, CONFIG_KEY_FILE), 0o644);
    configSecretKey(dir);
    expect(statSync(join(dir, CONFIG_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses a key file that holds no 32-byte key, saying what to do', () => {
    writeFileSync(join(dir, CONFIG_KEY_FILE), 'short\n', { mode: 0o600 });
    expect(() => configSecretKey(dir)).toThrow(ConfigKeyError);
    expect(() => configSecretKey(dir)).toThrow(/restore the file from a backup, or delete it/);
  });

  it('keeps one key per process for in-memory stores, written nowhere', () => {
    expect(configSecretKey(null).equals(configSecretKey(null))).toBe(true);
  });
});
