import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
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
});
export type ActorConfig = z.output<typeof ActorConfigSchema>;

export interface ActorProject {
  dir: string;
  config: ActorConfig;
  image: string;
  /** The Dockerfile to build: the folder's own, or null for the default one. */
  dockerfile: string | null;
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
  const hasDockerfile = await readFile(join(dir, 'Dockerfile')).then(
    () => true,
    () => false,
  );
  return {
    dir,
    config,
    image: config.image ?? `actorkit-dev/${config.name.toLowerCase()}:latest`,
    dockerfile: hasDockerfile ? 'Dockerfile' : null,
  };
}
