/**
 * The gateway's program: a TLS terminator in front of the emulator. It runs in its own container (the local Node
 * base image, host network), reads its certificate from /gateway (mounted read-only), and passes every byte of each
 * connection on to the emulator's plain HTTP port: requests, the Host header, keep-alive, streamed bodies and held
 * blocking reads are the emulator's, untouched. Kept as text here and written beside the certificate, so it works
 * the same from the sources and from a built package.
 *
 * Its first lines of output are read by the emulator: `GATEWAY_READY <addresses>` once it listens, or
 * `GATEWAY_FAILED <code> <message>` (exit code 2) when it cannot.
 */
export const GATEWAY_SCRIPT = String.raw`
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';

const upstreamHost = process.env.ACTORKIT_UPSTREAM_HOST || '127.0.0.1';
const upstreamPort = Number(process.env.ACTORKIT_UPSTREAM_PORT);
const port = Number(process.env.ACTORKIT_GATEWAY_PORT || 443);
const context = {
  key: readFileSync('/gateway/server.key'),
  cert: readFileSync('/gateway/server.pem'),
  ALPNProtocols: ['http/1.1'],
};

function badGateway(socket, error) {
  const body = JSON.stringify({
    result: null,
    status: 'error',
    message: 'the ActorKit gateway could not reach the emulator at ' + upstreamHost + ':' + upstreamPort +
      ' (' + error.code + '): is it still running?',
    version: 'actorkit-gateway',
  });
  socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ' +
    Buffer.byteLength(body) + '\r\n\r\n' + body);
}

function serve(client) {
  client.setNoDelay(true);
  const upstream = net.connect({ host: upstreamHost, port: upstreamPort });
  upstream.setNoDelay(true);
  let connected = false;
  upstream.once('connect', () => {
    connected = true;
    client.pipe(upstream);
    upstream.pipe(client);
  });
  upstream.on('error', (error) => (connected ? client.destroy() : badGateway(client, error)));
  client.on('error', () => upstream.destroy());
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => connected && client.destroy());
}

function listen(host) {
  return new Promise((resolve, reject) => {
    const server = tls.createServer(context, serve);
    server.on('tlsClientError', () => undefined);
    server.once('error', reject);
    server.listen(port, host, () => resolve(host));
  });
}

try {
  const addresses = [await listen('127.0.0.1')];
  // also on ::1, where "localhost" may resolve first; quietly absent when the host has no IPv6 loopback
  await listen('::1').then((a) => addresses.push(a), () => undefined);
  console.log('GATEWAY_READY ' + addresses.map((a) => a + ':' + port).join(' ') + ' -> ' + upstreamHost + ':' + upstreamPort);
} catch (error) {
  console.log('GATEWAY_FAILED ' + (error.code || 'ERROR') + ' ' + error.message);
  process.exit(2);
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
`;
