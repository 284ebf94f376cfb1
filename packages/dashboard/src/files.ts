import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Where the page's scripts, styles and icon are served; `/` serves the page itself. Outside the API's bases. */
export const UI_BASE_PATH = '/_actorkit/ui/';

/** One file of the page, ready to serve: its bytes, gzipped bytes (when smaller) and a strong ETag. */
export interface DashboardFile {
  /** The file name, e.g. `app-3FQ2ZK7M.js` (hashed) or `index.html`. */
  name: string;
  contentType: string;
  body: Buffer;
  /** The gzipped body, or null when gzip would not make it smaller. */
  gzip: Buffer | null;
  /** A strong ETag of the body, quoted. */
  etag: string;
}

/** The built page: `index.html`, served at `/` (never cached without revalidation), and its hashed assets. */
export interface DashboardBundle {
  index: DashboardFile;
  /** The other files by name; their names carry a content hash, so they are cached for good. */
  assets: ReadonlyMap<string, DashboardFile>;
  /** Where the files came from: `dist` (the package's build) or `source` (built in memory from the workspace). */
  origin: 'dist' | 'source';
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return CONTENT_TYPES[dot === -1 ? '' : name.slice(dot)] ?? 'application/octet-stream';
}

/** A file ready to serve. Compressed once here, so no request pays for it. */
export function dashboardFile(name: string, body: Buffer): DashboardFile {
  const compressible = /^(text\/|image\/svg|application\/json)/.test(contentTypeOf(name));
  const gzip = compressible ? gzipSync(body, { level: 9 }) : null;
  return {
    name,
    contentType: contentTypeOf(name),
    body,
    gzip: gzip && gzip.byteLength < body.byteLength ? gzip : null,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

export function bundleOf(files: DashboardFile[], origin: DashboardBundle['origin']): DashboardBundle {
  const index = files.find((f) => f.name === 'index.html');
  if (!index) throw new Error('the dashboard build has no index.html');
  return {
    index,
    assets: new Map(files.filter((f) => f !== index).map((f) => [f.name, f])),
    origin,
  };
}
