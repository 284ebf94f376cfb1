import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/index.js';
import { DB_FILE } from '../../src/store/db.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the data directory at rest', () => {
  it('is 0700, and the store and the token file are 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'actorkit-perm-')), 'data');
    const emu = await startEmulator({ dataDir });
    try {
      await emu.client.add({ image: 'img/at-rest' });
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(join(dataDir, DB_FILE))).toBe(0o600);
      expect(mode(join(dataDir, `${DB_FILE}-wal`))).toBe(0o600);
      expect(mode(join(dataDir, 'token'))).toBe(0o600);
    } finally {
      await emu.dispose();
    }
  });
});
