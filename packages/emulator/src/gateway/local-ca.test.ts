import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTlsFiles, type TlsFiles } from './local-ca.js';

describe('the local CA', () => {
  let dir: string;
  let first: TlsFiles;
  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'actorkit-ca-test-')), 'tls');
    first = await ensureTlsFiles(dir);
  });
  afterAll(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('keeps its keys 0600 in a 0700 directory; the gateway gets its own folder without the CA key', async () => {
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(first.caKey)).mode & 0o777).toBe(0o600);
    expect((await stat(first.serverKey)).mode & 0o777).toBe(0o600);
    expect((await stat(first.bundle)).mode & 0o777).toBe(0o644);
    expect(first.serverKey.startsWith(first.gatewayDir)).toBe(true);
    expect(first.caKey.startsWith(first.gatewayDir)).toBe(false);
  });

  it('signs a certificate for localhost, 127.0.0.1 and ::1 with it', async () => {
    const ca = new X509Certificate(await readFile(first.caCert));
    const server = new X509Certificate(await readFile(first.serverCert));
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBe('::1');
    expect(server.checkHost('example.org')).toBeUndefined();
  });

  it("puts the machine's CAs and its own in the bundle", async () => {
    const bundle = await readFile(first.bundle, 'utf8');
    expect(bundle.trimEnd().endsWith(first.caPem.trimEnd())).toBe(true);
    expect(bundle.match(/BEGIN CERTIFICATE/g)?.length).toBeGreaterThan(50);
  });

  it('is kept: a second start reuses the CA and the certificate; a missing certificate is made again', async () => {
    const again = await ensureTlsFiles(dir);
    expect(again.serverFingerprint).toBe(first.serverFingerprint);
    expect(again.caPem).toBe(first.caPem);
    await unlink(first.serverCert);
    const renewed = await ensureTlsFiles(dir);
    expect(renewed.caPem).toBe(first.caPem);
    expect(renewed.serverFingerprint).not.toBe(first.serverFingerprint);
  });
});
