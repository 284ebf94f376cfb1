import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Just enough of the Docker Registry HTTP API v2 for `docker push`: blob uploads (monolithic or chunked) and
 * manifests, kept in memory. Optionally requires basic auth. Listens on 127.0.0.1, which the engine treats as an
 * insecure registry it may use over plain HTTP.
 */
export async function startFakeRegistry(auth?: { username: string; password: string }) {
  const blobs = new Map<string, Buffer>();
  const uploads = new Map<string, Buffer[]>();
  const manifests = new Map<string, { body: Buffer; type: string }>();
  const authorizations: string[] = [];

  const body = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    const url = new URL(req.url ?? '/', 'http://registry');
    const path = url.pathname;
    if (auth) {
      const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      authorizations.push(req.headers.authorization ?? '');
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake"' }).end();
        return;
      }
    }
    if (path === '/v2/' || path === '/v2')
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    let m = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]+)$/.exec(path);
    if (m && (req.method === 'HEAD' || req.method === 'GET')) {
      const blob = blobs.get(m[2]!);
      if (!blob) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Length': blob.length, 'Docker-Content-Digest': m[2]! });
      return void res.end(req.method === 'GET' ? blob : undefined);
    }
    m = /^\/v2\/(.+)\/blobs\/uploads\/?$/.exec(path);
    if (m && req.method === 'POST') {
      await body(req);
      const id = randomUUID();
      uploads.set(id, []);
      const location = `/v2/${m[1]}/blobs/uploads/${id}`;
      return void res
        .writeHead(202, { Location: location, Range: '0-0', 'Docker-Upload-UUID': id, 'Content-Length': 0 })
        .end();
    }
    m = /^\/v2\/(.+)\/blobs\/uploads\/([\w-]+)$/.exec(path);
    if (m && (req.method === 'PATCH' || req.method === 'PUT')) {
      const parts = uploads.get(m[2]!);
      if (!parts) return void res.writeHead(404).end();
      parts.push(await body(req));
      const size = parts.reduce((n, p) => n + p.length, 0);
      if (req.method === 'PATCH') {
        return void res
          .writeHead(202, {
            Location: path,
            Range: `0-${Math.max(0, size - 1)}`,
            'Docker-Upload-UUID': m[2]!,
            'Content-Length': 0,
          })
          .end();
      }
      const blob = Buffer.concat(parts);
      const digest = url.searchParams.get('digest') ?? '';
      if (digestOf(blob) !== digest)
        return void res.writeHead(400).end('{"errors":[{"code":"DIGEST_INVALID"}]}');
      blobs.set(digest, blob);
      uploads.delete(m[2]!);
      return void res
        .writeHead(201, {
          Location: `/v2/${m[1]}/blobs/${digest}`,
          'Docker-Content-Digest': digest,
          'Content-Length': 0,
        })
        .end();
    }
    m = /^\/v2\/(.+)\/manifests\/([\w.:-]+)$/.exec(path);
    if (m && req.method === 'PUT') {
      const manifest = await body(req);
      const digest = digestOf(manifest);
      manifests.set(`${m[1]}:${m[2]}`, { body: manifest, type: req.headers['content-type'] ?? '' });
      return void res
        .writeHead(201, {
          Location: `/v2/${m[1]}/manifests/${digest}`,
          'Docker-Content-Digest': digest,
          'Content-Length': 0,
        })
        .end();
    }
    res.writeHead(404).end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    blobs,
    manifests,
    authorizations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
