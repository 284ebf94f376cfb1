import { createPublicKey, generateKeyPair, randomBytes, sign, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { promisify } from 'node:util';
import createDebug from 'debug';
import type { asn1, pki } from 'node-forge';

type Forge = typeof import('node-forge');

/** node-forge is loaded only when a certificate must be made (once per data directory), never at start-up. */
async function loadForge(): Promise<Forge> {
  return (await import('node-forge')).default;
}

const debug = createDebug('actorkit:gateway');
const makeKeyPair = promisify(generateKeyPair);

/** The names the gateway's certificate is valid for: what `_abaco_api_server` names, and the loopback addresses. */
export const SERVER_NAMES = { dns: ['localhost'], ips: ['127.0.0.1', '::1'] } as const;

/** The files of the local CA, all in one directory (`<dataDir>/tls`). */
export interface TlsFiles {
  dir: string;
  /** The CA's private key, 0600: it never leaves this directory (no container mounts it). */
  caKey: string;
  caCert: string;
  /** What the gateway container mounts (read-only): its script, certificate and key, nothing else. */
  gatewayDir: string;
  serverKey: string;
  serverCert: string;
  /** The machine's trusted CAs and ours, one PEM file: mounted into execution containers. */
  bundle: string;
  /** The CA certificate as PEM. */
  caPem: string;
  /** The server certificate's sha256 fingerprint (`AB:CD:...`): how a running gateway is recognised as ours. */
  serverFingerprint: string;
}

/** The machine's trusted CAs: Debian's bundle when present, else the ones Node ships (Mozilla's). */
export async function systemCaBundle(): Promise<string> {
  for (const path of [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/cert.pem',
  ]) {
    if (existsSync(path)) return await readFile(path, 'utf8');
  }
  return rootCertificates.join('\n');
}

async function rsaKey(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = await makeKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

/** A positive serial number of 16 random bytes, as hex. */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function validity(cert: pki.Certificate, days: number): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60 * 60_000); // an hour of slack for clocks that differ a little
  cert.validity.notAfter = new Date(now + days * 86_400_000);
}

/**
 * Signs with node:crypto (forge's own RSA takes half a second a signature): the same steps as forge's
 * `cert.sign(key, sha256)`, with the signature made natively.
 */
function signCertificate(forge: Forge, cert: pki.Certificate, privatePem: string): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption;
  if (!oid) throw new Error('node-forge does not know sha256WithRSAEncryption');
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  // in node-forge, missing from its type definitions
  const { getTBSCertificate } = forge.pki as unknown as {
    getTBSCertificate(c: pki.Certificate): asn1.Asn1;
  };
  const tbs = getTBSCertificate(cert);
  (cert as unknown as { tbsCertificate: asn1.Asn1 }).tbsCertificate = tbs;
  const der = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  cert.signature = sign('sha256', der, privatePem).toString('binary');
}

async function writePrivate(path: string, pem: string): Promise<void> {
  await writeFile(path, pem, { mode: 0o600 });
  await chmod(path, 0o600); // an existing file keeps its mode on write
}

/** Writes through a temporary file and a rename, so a container mounting the old file keeps a whole one. */
async function replaceFile(path: string, text: string, mode: number): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode });
  await chmod(temp, mode);
  await rename(temp, path);
}

async function newCa(
  files: Pick<TlsFiles, 'caKey' | 'caCert'>,
  { privatePem, publicPem }: { privatePem: string; publicPem: string },
): Promise<void> {
  const forge = await loadForge();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = serial();
  validity(cert, 3650);
  const subject = [
    { name: 'commonName', value: `ActorKit local CA (${hostname()})` },
    { name: 'organizationName', value: 'ActorKit emulator' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCertificate(forge, cert, privatePem);
  await writePrivate(files.caKey, privatePem);
  await writeFile(files.caCert, forge.pki.certificateToPem(cert), { mode: 0o644 });
  debug('made a new local CA in %s', files.caCert);
}

async function newServerCert(
  files: Pick<TlsFiles, 'caKey' | 'caCert' | 'serverKey' | 'serverCert'>,
  { privatePem, publicPem }: { privatePem: string; publicPem: string },
): Promise<void> {
  const forge = await loadForge();
  const ca = forge.pki.certificateFromPem(await readFile(files.caCert, 'utf8'));
  const caKeyPem = await readFile(files.caKey, 'utf8');
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = serial();
  validity(cert, 365);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...SERVER_NAMES.dns.map((value) => ({ type: 2, value })),
        ...SERVER_NAMES.ips.map((ip) => ({ type: 7, ip })),
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  signCertificate(forge, cert, caKeyPem);
  await writePrivate(files.serverKey, privatePem);
  await writeFile(files.serverCert, forge.pki.certificateToPem(cert), { mode: 0o644 });
  debug(
    'made a new certificate for %s signed by the local CA',
    [...SERVER_NAMES.dns, ...SERVER_NAMES.ips].join(', '),
  );
}

async function readCert(path: string): Promise<X509Certificate | null> {
  try {
    return new X509Certificate(await readFile(path));
  } catch (error) {
    debug('%s is not a usable certificate: %s', path, (error as Error).message);
    return null;
  }
}

/** The CA is usable when its certificate parses, is a CA, is valid for another year, and matches its key. */
async function caUsable(files: Pick<TlsFiles, 'caKey' | 'caCert'>): Promise<boolean> {
  if (!existsSync(files.caKey)) return false;
  const ca = await readCert(files.caCert);
  if (!ca?.ca || Date.parse(ca.validTo) < Date.now() + 365 * 86_400_000) return false;
  try {
    const fromKey = createPublicKey(await readFile(files.caKey)).export({ type: 'spki', format: 'der' });
    return ca.publicKey.export({ type: 'spki', format: 'der' }).equals(fromKey);
  } catch (error) {
    debug('the CA key does not read: %s', (error as Error).message);
    return false;
  }
}

/** The server certificate is usable when it is signed by the CA, names localhost, and is valid for 30 more days. */
async function serverUsable(files: Pick<TlsFiles, 'caCert' | 'serverKey' | 'serverCert'>): Promise<boolean> {
  const [ca, cert] = await Promise.all([readCert(files.caCert), readCert(files.serverCert)]);
  if (!ca || !cert || !existsSync(files.serverKey)) return false;
  return (
    cert.verify(ca.publicKey) &&
    cert.checkHost('localhost') !== undefined &&
    Date.parse(cert.validTo) > Date.now() + 30 * 86_400_000
  );
}

/**
 * The local CA and the gateway's certificate in `dir`: made the first time, kept and reused after (a new server
 * certificate when the old one nears its end; a new CA only when its files are missing or broken). The bundle
 * (the machine's CAs and ours) is written anew each time, so an update of the machine's CAs reaches containers.
 */
export async function ensureTlsFiles(dir: string): Promise<TlsFiles> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const gatewayDir = join(dir, 'gateway');
  await mkdir(gatewayDir, { recursive: true, mode: 0o700 });
  const paths = {
    dir,
    caKey: join(dir, 'ca.key'),
    caCert: join(dir, 'ca.pem'),
    gatewayDir,
    serverKey: join(gatewayDir, 'server.key'),
    serverCert: join(gatewayDir, 'server.pem'),
    bundle: join(dir, 'ca-bundle.pem'),
  };
  const newAuthority = !(await caUsable(paths));
  if (newAuthority || !(await serverUsable(paths))) {
    // both keys at once when both are needed: RSA key generation is the slow part, and it runs off the main thread
    const [caKeys, serverKeys] = await Promise.all([newAuthority ? rsaKey() : null, rsaKey()]);
    if (caKeys) await newCa(paths, caKeys);
    await newServerCert(paths, serverKeys);
  }
  const caPem = await readFile(paths.caCert, 'utf8');
  const system = await systemCaBundle();
  await replaceFile(
    paths.bundle,
    `${system.trimEnd()}\n\n# ActorKit local CA: the emulator's API gateway (https://localhost)\n${caPem.trimEnd()}\n`,
    0o644,
  );
  const server = new X509Certificate(await readFile(paths.serverCert));
  return { ...paths, caPem, serverFingerprint: server.fingerprint256 };
}
