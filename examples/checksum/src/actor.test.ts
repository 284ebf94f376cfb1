import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { invoke } from '@actorkit/testing';
import checksum from './actor.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('checksum', () => {
  it('answers the sha256 of the fixture the dev loop sends (computed independently with sha256sum)', async () => {
    const bytes = await readFile(new URL('../fixtures/all-bytes.bin', import.meta.url));
    const run = await invoke(checksum, { binary: new Uint8Array(bytes) });
    expect(run.exitCode).toBe(0);
    expect(run.resultsText).toEqual(['40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880']);
    expect(run.stdout).toMatch(/^sha256 of 256 bytes: 40aff2e9/);
  });

  it('handles an empty message and one larger than a pipe buffer (digests from Python hashlib)', async () => {
    expect((await invoke(checksum, { binary: new Uint8Array(0) })).resultsText).toEqual([EMPTY_SHA256]);
    const big = await invoke(checksum, { binary: new Uint8Array(1_000_000).fill(97) });
    expect(big.resultsText).toEqual(['cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0']);
  });

  it('fails with a clear error when the message is not binary', async () => {
    const run = await invoke(checksum, { message: 'not bytes' });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/the message is not binary: its content type is str/);
    expect(run.results).toEqual([]);
  });
});
