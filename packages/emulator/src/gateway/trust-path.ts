import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import createDebug from 'debug';
import { imageRunConfig, runProbe, type ImageRunConfig } from '@actorkit/docker';

const debug = createDebug('actorkit:gateway:trust');

/** Where Debian's OpenSSL, python3-certifi and python3-requests read trusted CAs: the bundle is mounted here. */
export const CONTAINER_BUNDLE_PATH = '/etc/ssl/certs/ca-certificates.crt';

/** Variables that point TLS clients at the bundle: requests (its normal path), OpenSSL (Python's ssl, Node below), curl. */
export const TRUST_VARIABLES = ['REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE', 'CURL_CA_BUNDLE'];

/**
 * Node: `--use-openssl-ca` makes it read OpenSSL's store, i.e. SSL_CERT_FILE (the bundle), when it first needs it.
 * NODE_EXTRA_CA_CERTS would do as well, but Node reads it, with all its own roots, at every start: 20 ms a start
 * even for our one certificate, 38 ms for the bundle, paid by every Node actor that never calls the API.
 */
export const NODE_OPENSSL_CA = '--use-openssl-ca';

/** Where the local CA alone is mounted, for NODE_EXTRA_CA_CERTS when an actor insists on Node's bundled roots. */
export const CONTAINER_CA_PATH = '/etc/ssl/certs/actorkit-local-ca.pem';

/** agavepy's and tapipy's switch for TLS verification: the fallback when a bundle cannot be put in place. */
export const VERIFY_SWITCH = 'TAPIS_DEFAULT_VERIFY_SSL';

/** What the probe finds in an image: where its Python libraries read CAs, when they do not read Debian's file. */
export interface PythonCaFiles {
  /** Whether a Python interpreter answered. */
  python: boolean;
  /** `certifi.where()` and `requests.certs.where()`, when they are not CONTAINER_BUNDLE_PATH. */
  paths: string[];
}

/** Prints where certifi and requests keep their CA bundles; Python 2 and 3. */
const PROBE_SCRIPT = [
  'import json',
  'out = {}',
  'try:',
  '    import certifi',
  "    out['certifi'] = certifi.where()",
  'except Exception:',
  '    pass',
  'try:',
  '    import requests.certs',
  "    out['requests'] = requests.certs.where()",
  'except Exception:',
  '    pass',
  "print('ACTORKIT_PROBE ' + json.dumps(out))",
].join('\n');

const NODE_PROGRAMS = new Set(['node', 'nodejs', 'npm', 'npx', 'tsx', 'bun', 'deno']);

/**
 * Whether an image plainly runs Node, not Python: its program (entrypoint, else command; the command of a shell
 * form) is node or npm, and nothing in its environment names Python. Those images need no probe.
 */
export function runsNode(config: Pick<ImageRunConfig, 'entrypoint' | 'cmd' | 'env'>): boolean {
  if (config.env.some((e) => /^PYTHON/.test(e))) return false;
  const words = [...config.entrypoint, ...config.cmd];
  let program = words[0] ?? '';
  if (/(^|\/)(ba|da)?sh$/.test(program) && words[1] === '-c')
    program = (words[2] ?? '').trim().split(/\s+/)[0] ?? '';
  return NODE_PROGRAMS.has(basename(program));
}

/** Parses the probe's line; paths that are Debian's file already are left out. */
export function parseProbeOutput(output: string): PythonCaFiles {
  const line = output.split('\n').find((l) => l.startsWith('ACTORKIT_PROBE '));
  if (!line) return { python: false, paths: [] };
  const found = JSON.parse(line.slice('ACTORKIT_PROBE '.length)) as Record<string, unknown>;
  const paths = new Set<string>();
  for (const value of Object.values(found)) {
    if (typeof value === 'string' && value && value !== CONTAINER_BUNDLE_PATH) paths.add(value);
  }
  return { python: true, paths: [...paths] };
}

/** A path a bind mount can cover: absolute, and not inside an archive (a zipped or egg install). */
export function mountable(path: string): boolean {
  return isAbsolute(path) && !/\.(zip|egg|pex|whl)(\/|$)/i.test(path) && !path.includes(':');
}

/** What one execution gets so that it trusts the gateway. */
export interface ExecutionTrust {
  /** `host:container:ro` bind mounts of the bundle (and of the CA alone, when needed). */
  mounts: string[];
  /** Variables to add unless the execution sets them itself. */
  env: Record<string, string>;
  /** Variables computed from the execution's and the image's own values (NODE_OPTIONS): they replace those. */
  merged: Record<string, string>;
  /** Set when verification had to be switched off for this image, saying why. */
  verifyOff: string | null;
}

/** The value of `name` in an image's `KEY=value` environment list. */
function imageVariable(env: string[] | undefined, name: string): string | undefined {
  const entry = env?.find((e) => e.startsWith(`${name}=`));
  return entry?.slice(name.length + 1);
}

/** Probes already made in this process, by image id: an image id never changes its files. */
const probed = new Map<string, Promise<PythonCaFiles>>();

/**
 * The trust path: the bundle (the machine's CAs and the local CA) mounted read-only where Debian's libraries read
 * it, the variables that point other clients at it, and, for images whose certifi is pip-installed (its own
 * cacert.pem), the same bundle over that file too, so verification stays on. Which images those are is found once
 * per image id by a probe container (no network) and kept in `cacheFile`.
 */
export class TrustPath {
  private saved: Record<string, PythonCaFiles> | null = null;

  constructor(
    private readonly bundle: string,
    /** The local CA's certificate alone. */
    private readonly caOnly: string,
    private readonly cacheFile: string | null,
    private readonly labels: Record<string, string>,
  ) {}

  private async loadSaved(): Promise<Record<string, PythonCaFiles>> {
    if (this.saved) return this.saved;
    this.saved = {};
    if (this.cacheFile && existsSync(this.cacheFile)) {
      try {
        this.saved = JSON.parse(await readFile(this.cacheFile, 'utf8')) as Record<string, PythonCaFiles>;
      } catch (error) {
        debug('ignoring an unreadable probe cache %s: %s', this.cacheFile, (error as Error).message);
      }
    }
    return this.saved;
  }

  private async probe(image: string, id: string): Promise<PythonCaFiles> {
    const saved = await this.loadSaved();
    const known = saved[id];
    if (known) return known;
    let found: PythonCaFiles = { python: false, paths: [] };
    for (const interpreter of ['python3', 'python']) {
      const started = Date.now();
      const result = await runProbe({
        image: id,
        entrypoint: [interpreter],
        cmd: ['-c', PROBE_SCRIPT],
        labels: this.labels,
      });
      debug(
        'probe of %s with %s: %s in %d ms',
        image,
        interpreter,
        result.error ?? `exit ${result.exitCode}`,
        Date.now() - started,
      );
      if (result.exitCode === null && result.error && !/not found|no such file/i.test(result.error)) {
        throw new Error(`the probe of ${image} failed: ${result.error}`); // not cached: tried again next time
      }
      found = parseProbeOutput(result.output);
      if (found.python) break;
    }
    saved[id] = found;
    if (this.cacheFile) {
      await writeFile(this.cacheFile, JSON.stringify(saved, null, 1)).catch((error: unknown) =>
        debug('could not save the probe cache: %O', error),
      );
    }
    return found;
  }

  /** Where this image's Python reads CAs, when not from Debian's file; none for Node images and images without Python. */
  async pythonCaFiles(image: string, config?: ImageRunConfig | null): Promise<PythonCaFiles> {
    config ??= await imageRunConfig(image);
    if (!config || runsNode(config)) return { python: false, paths: [] };
    const id = config.id;
    let pending = probed.get(id);
    if (!pending) {
      pending = this.probe(image, id);
      probed.set(id, pending);
      pending.catch(() => probed.delete(id));
    }
    return await pending;
  }

  /** The mounts and variables for one execution of `image` whose own environment is `env`. */
  async forImage(image: string, env: Record<string, string> = {}): Promise<ExecutionTrust> {
    const mounts = [`${this.bundle}:${CONTAINER_BUNDLE_PATH}:ro`];
    const defaults = Object.fromEntries(TRUST_VARIABLES.map((name) => [name, CONTAINER_BUNDLE_PATH]));
    const merged: Record<string, string> = {};
    let verifyOff: string | null = null;
    let config: ImageRunConfig | null = null;
    let python: PythonCaFiles = { python: false, paths: [] };
    try {
      config = await imageRunConfig(image);
      python = await this.pythonCaFiles(image, config);
    } catch (error) {
      debug('no probe for %s: %O', image, error);
    }
    for (const path of python.paths) {
      if (mountable(path)) mounts.push(`${this.bundle}:${path}:ro`);
      else verifyOff = `${image} keeps its CA bundle at ${path}, which cannot be replaced by a mount`;
    }
    if (verifyOff) defaults[VERIFY_SWITCH] = 'false';
    // the execution's NODE_OPTIONS replaces the image's, so ours is added to whichever the process would see
    const nodeOptions = (env.NODE_OPTIONS ?? imageVariable(config?.env, 'NODE_OPTIONS') ?? '').trim();
    if (/--use-bundled-ca\b/.test(nodeOptions)) {
      mounts.push(`${this.caOnly}:${CONTAINER_CA_PATH}:ro`);
      defaults.NODE_EXTRA_CA_CERTS = CONTAINER_CA_PATH;
    } else if (!nodeOptions.split(/\s+/).includes(NODE_OPENSSL_CA)) {
      merged.NODE_OPTIONS = nodeOptions ? `${nodeOptions} ${NODE_OPENSSL_CA}` : NODE_OPENSSL_CA;
    }
    return { mounts, env: defaults, merged, verifyOff };
  }
}
