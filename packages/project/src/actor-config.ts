import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, posix, resolve } from 'node:path';
import { z } from 'zod';
import { EnvironmentSchema, HintsSchema } from '@actorkit/api';

/** One fixture message: a file sent to the actor each round. Its kind follows the extension unless given. */
export const FixtureSchema = z.object({
  file: z.string().min(1, 'fixture "file" is required: a path relative to the actor folder'),
  kind: z.enum(['json', 'text', 'binary']).optional(),
  /** Query parameters: the execution's extra environment. */
  env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  name: z.string().optional(),
});
export type Fixture = z.output<typeof FixtureSchema>;

/** A folder of the actor, relative to it, normalised (`./src/` is `src`). */
function normalFolder(folder: string): string {
  return posix.normalize(folder.replace(/\\/g, '/')).replace(/\/+$/, '');
}

/** What is wrong with a `dev.mount` folder, or null: no absolute path, no `..`, nothing Docker's bind syntax misreads. */
function folderProblem(raw: string): string | null {
  const folder = normalFolder(raw);
  if (folder === '' || folder === '.')
    return 'the actor folder itself cannot be mounted: name a folder in it, e.g. "src"';
  if (folder.startsWith('/'))
    return 'name a folder of the actor relative to it (e.g. "src"), not an absolute path';
  if (folder === '..' || folder.startsWith('../')) return 'name a folder inside the actor, without ".."';
  if (/[:,]/.test(folder)) return 'a folder whose name has ":" or "," cannot be mounted';
  return null;
}

/** Where that folder's files are in the image: an absolute path. */
const MountTarget = z
  .string()
  .refine((target) => target.startsWith('/'), 'the path in the image must be absolute, e.g. "/app/src"')
  .transform((target) => posix.normalize(target).replace(/(.)\/+$/, '$1'))
  .refine(
    (target) => target !== '/',
    'the image\'s root cannot be mounted over: name a folder, e.g. "/app/src"',
  )
  .refine((target) => !/[:,]/.test(target), 'a path in the image without ":" or ","');

/**
 * `dev`: settings only the dev loop reads. `mount` maps folders of the actor to where the image keeps them: each is
 * bind-mounted read-only into every fresh container, so a save of an interpreted actor's source reaches the next
 * execution without an image rebuild.
 */
export const DevSettingsSchema = z
  .object({
    mount: z
      .record(z.string(), MountTarget)
      .superRefine((mount, ctx) => {
        for (const folder of Object.keys(mount)) {
          const problem = folderProblem(folder);
          if (problem) ctx.addIssue({ code: 'custom', path: [folder], message: problem });
        }
        const targets = Object.values(mount);
        for (const target of new Set(targets)) {
          if (targets.filter((t) => t === target).length > 1)
            ctx.addIssue({ code: 'custom', message: `two folders are mounted at ${target}` });
        }
      })
      .transform((mount) =>
        Object.fromEntries(Object.entries(mount).map(([folder, target]) => [normalFolder(folder), target])),
      )
      .default({}),
  })
  .strict();
export type DevSettings = z.output<typeof DevSettingsSchema>;

/** `actor.json`: what the actor is, how it is registered, and what to send it while developing. */
export const ActorConfigSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'name may contain letters, digits, dots, dashes and underscores'),
  description: z.string().default(''),
  stateless: z.boolean().default(true),
  defaultEnvironment: EnvironmentSchema.default({}),
  hints: HintsSchema.default([]),
  token: z.boolean().default(true),
  maxWorkers: z.number().int().min(1).optional(),
  /** The image tag to build; default `actorkit-dev/<name>:latest`. */
  image: z.string().optional(),
  /** The actor's entry module, relative to the folder. */
  entry: z.string().default('src/actor.ts'),
  /** The base image for the default Dockerfile; the local one is used when it is not present. */
  baseImage: z.string().optional(),
  fixtures: z
    .array(z.union([z.string().transform((file): Fixture => ({ file, env: {} })), FixtureSchema]))
    .default([]),
  /** What only `actorkit dev` reads: `{"mount": {"src": "/app/src"}}`. */
  dev: DevSettingsSchema.default({ mount: {} }),
});
export type ActorConfig = z.output<typeof ActorConfigSchema>;

/**
 * How the actor is made: `typescript`, compiled from its entry (with the default Dockerfile or its own), or
 * `dockerfile`, an image built from its own Dockerfile as it stands (Python or any other language: nothing to compile).
 */
export type ActorKind = 'typescript' | 'dockerfile';

/** The language of the actor's code, as far as the folder tells: what the debugger attaches with. */
export type ActorLanguage = 'typescript' | 'python' | 'javascript' | 'other';

/** A folder of the actor bind-mounted into each container while developing (`dev.mount`). */
export interface DevMount {
  /** Relative to the actor folder. */
  folder: string;
  /** Absolute, in the container. */
  target: string;
}

export interface ActorProject {
  dir: string;
  config: ActorConfig;
  image: string;
  /** The Dockerfile to build: the folder's own, or null for the default one. */
  dockerfile: string | null;
  kind: ActorKind;
  language: ActorLanguage;
  /** `dev.mount`, checked: every folder exists. */
  devMounts: DevMount[];
}

/** A mistake in the actor's folder: shown to the user with what to fix. */
export class ActorProjectError extends Error {
  override readonly name = 'ActorProjectError';
}

export async function loadActorProject(dirArg: string): Promise<ActorProject> {
  const dir = resolve(dirArg);
  const file = join(dir, 'actor.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ActorProjectError(
      `${file} could not be read (${(cause as NodeJS.ErrnoException).code ?? cause}); ` +
        `point at an actor folder, or create one with \`actorkit init ${dirArg}\``,
      { cause },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ActorProjectError(`${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = ActorConfigSchema.safeParse({ name: basename(dir), ...(raw as object) });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`)
      .join('\n');
    throw new ActorProjectError(`${file} has problems:\n${problems}`);
  }
  const config = parsed.data;
  const [hasDockerfile, hasEntry] = await Promise.all([
    isFile(join(dir, 'Dockerfile')),
    isFile(join(dir, config.entry)),
  ]);
  // Only the default entry may be absent: a folder with its own Dockerfile and no TypeScript is built as it is.
  // An entry actor.json names must be there (the compiler says so when it is not).
  const namesEntry = typeof raw === 'object' && raw !== null && 'entry' in raw;
  const kind: ActorKind = hasDockerfile && !hasEntry && !namesEntry ? 'dockerfile' : 'typescript';
  const devMounts: DevMount[] = [];
  for (const [folder, target] of Object.entries(config.dev.mount)) {
    const info = await stat(join(dir, folder)).catch(() => null);
    if (!info?.isDirectory()) {
      throw new ActorProjectError(
        `${file} has problems:\n  dev.mount.${folder}: ${join(dir, folder)} is not a folder; ` +
          'dev.mount maps folders of the actor (e.g. "src") to where the image keeps them (e.g. "/app/src")',
      );
    }
    devMounts.push({ folder, target });
  }
  return {
    dir,
    config,
    image: config.image ?? `actorkit-dev/${config.name.toLowerCase()}:latest`,
    dockerfile: hasDockerfile ? 'Dockerfile' : null,
    kind,
    language: kind === 'typescript' ? 'typescript' : await detectLanguage(dir),
    devMounts,
  };
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * The language of an actor built from its own Dockerfile: Python when the folder has Python files (or the
 * Dockerfile names Python), JavaScript when it has a package.json or JavaScript files, else other. Looks two levels
 * deep, past dependencies and caches.
 */
export async function detectLanguage(dir: string): Promise<ActorLanguage> {
  const skip = new Set(['node_modules', '.git', '.actorkit', '__pycache__', '.venv', 'venv', 'dist']);
  const names: string[] = [];
  async function walk(current: string, depth: number): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (depth < 2 && !skip.has(entry.name)) await walk(join(current, entry.name), depth + 1);
      } else names.push(entry.name);
    }
  }
  await walk(dir, 0);
  const dockerfile = await readFile(join(dir, 'Dockerfile'), 'utf8').catch(() => '');
  const from = dockerfile.match(/^\s*FROM\s+.*$/gim)?.join('\n') ?? '';
  if (names.some((n) => n.endsWith('.py')) || /python/i.test(from)) return 'python';
  if (names.some((n) => /\.(m|c)?js$/.test(n)) || names.includes('package.json') || /\bnode\b/i.test(from))
    return 'javascript';
  return 'other';
}
