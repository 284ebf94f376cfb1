import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorCompiler } from '../src/compile.js';
import { vendorManifestPath } from '../src/vendor.js';

// Inside the workspace, so that `@actorkit/runtime` and `zod` resolve as they do for an actor of the repository.
const SCRATCH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../.actorkit/test-tmp');

const ACTOR = `import { z } from 'zod';
import { defineActor } from '@actorkit/runtime';
export default defineActor({ message: z.string(), handler: ({ log }) => log('EDIT-0') });
`;

/** The files `file` imports statically (`import ... from "./x.mjs"`, `import "./x.mjs"`), transitively. */
async function staticClosure(file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = await readFile(file, 'utf8');
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.\.?\/[^"]+)"/g))
    await staticClosure(join(dirname(file), m[1]!), seen);
  return seen;
}

describe('the vendor split', () => {
  let dir: string;
  beforeEach(async () => {
    await mkdir(SCRATCH, { recursive: true });
    dir = await mkdtemp(join(SCRATCH, 'vendor-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src/actor.ts'), ACTOR);
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it("keeps the runtime and zod out of the actor's bundle and rebuilds them only when one of their files changes", async () => {
    await using compiler = new ActorCompiler({ dir, entry: 'src/actor.ts', outDir: join(dir, 'dist') });
    const first = await compiler.compile();
    expect(first.ok).toBe(true);
    const bundle = await readFile(first.outFile, 'utf8');
    expect(bundle).toContain('"./vendor/runtime.mjs"');
    expect(bundle).toContain('"./vendor/zod.mjs"');
    expect(bundle.length).toBeLessThan(5_000);
    const vendorFiles = await readdir(join(dir, 'dist/vendor'));
    expect(vendorFiles).toEqual(expect.arrayContaining(['runtime.mjs', 'zod.mjs']));
    // What it was built from stays out of dist/ (images ship dist/; the manifest holds this machine's paths).
    expect(vendorFiles.filter((f) => !f.endsWith('.mjs'))).toEqual([]);
    const manifestFile = vendorManifestPath(dir, join(dir, 'dist'));
    const builtAt = (await stat(manifestFile)).mtimeMs;

    // A save of the actor's own code: the vendor directory is left as it is.
    await writeFile(join(dir, 'src/actor.ts'), ACTOR.replace('EDIT-0', 'EDIT-1'));
    const second = await compiler.compile();
    expect(second.ok).toBe(true);
    expect(await readFile(second.outFile, 'utf8')).toContain('EDIT-1');
    expect((await stat(manifestFile)).mtimeMs).toBe(builtAt);

    // One of its inputs changed since (here: the manifest remembers another size): rebuilt from scratch.
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
      inputs: Record<string, [number, number]>;
    };
    const [input] = Object.keys(manifest.inputs).filter((f) => f.includes('packages/runtime/src/'));
    expect(input).toBeDefined();
    manifest.inputs[input!]![1] += 1;
    await writeFile(manifestFile, JSON.stringify(manifest));
    await writeFile(join(dir, 'dist/vendor/chunk-STALE.mjs'), '');
    expect((await compiler.compile()).ok).toBe(true);
    const rebuilt = JSON.parse(await readFile(manifestFile, 'utf8')) as typeof manifest;
    expect(rebuilt.inputs[input!]![1]).toBe((await stat(input!)).size);
    expect(await readdir(join(dir, 'dist/vendor'))).not.toContain('chunk-STALE.mjs');

    // A vendor file removed by hand (or a cleaned dist/): rebuilt.
    await rm(join(dir, 'dist/vendor/runtime.mjs'));
    expect((await compiler.compile()).ok).toBe(true);
    expect((await stat(join(dir, 'dist/vendor/runtime.mjs'))).isFile()).toBe(true);

    // No vendored import any more: the vendor directory goes.
    await writeFile(join(dir, 'src/actor.ts'), "console.log('plain');\n");
    expect((await compiler.compile()).ok).toBe(true);
    await expect(stat(join(dir, 'dist/vendor'))).rejects.toThrow();
  });

  it("loads zod and the API client only when an execution calls the API: the runtime's start-up does not reach them", async () => {
    await writeFile(
      join(dir, 'src/actor.ts'),
      "import { defineActor } from '@actorkit/runtime';\nexport default defineActor({ handler: ({ log }) => log('hi') });\n",
    );
    await using compiler = new ActorCompiler({ dir, entry: 'src/actor.ts', outDir: join(dir, 'dist') });
    expect((await compiler.compile()).ok).toBe(true);
    const reached = await staticClosure(join(dir, 'dist/actor.mjs'));
    const texts = await Promise.all([...reached].map((f) => readFile(f, 'utf8')));
    expect(reached.size).toBeGreaterThan(1);
    expect(texts.some((t) => t.includes('ZodError'))).toBe(false);
    const runtime = await readFile(join(dir, 'dist/vendor/runtime.mjs'), 'utf8');
    expect(runtime).toMatch(/import\("\.\/[^"]+\.mjs"\)/);
    const vendorTexts = await Promise.all(
      (await readdir(join(dir, 'dist/vendor'))).map((f) => readFile(join(dir, 'dist/vendor', f), 'utf8')),
    );
    expect(vendorTexts.some((t) => t.includes('ZodError'))).toBe(true);
  });

  it('leaves a dependency its own copy of a vendored package (another version) and bundles it', async () => {
    const dep = join(dir, 'node_modules/dep');
    await mkdir(join(dep, 'node_modules/zod'), { recursive: true });
    await writeFile(
      join(dep, 'package.json'),
      '{"name":"dep","version":"1.0.0","type":"module","main":"index.js"}',
    );
    await writeFile(join(dep, 'index.js'), "export { marker } from 'zod';\n");
    await writeFile(
      join(dep, 'node_modules/zod/package.json'),
      '{"name":"zod","version":"3.0.0-own","type":"module","main":"index.js"}',
    );
    await writeFile(join(dep, 'node_modules/zod/index.js'), "export const marker = 'OWN-ZOD-COPY';\n");
    await writeFile(
      join(dir, 'src/actor.ts'),
      "import { z } from 'zod';\nimport { marker } from 'dep';\nconsole.log(marker, typeof z.string);\n",
    );
    await using compiler = new ActorCompiler({ dir, entry: 'src/actor.ts', outDir: join(dir, 'dist') });
    expect((await compiler.compile()).ok).toBe(true);
    const bundle = await readFile(join(dir, 'dist/actor.mjs'), 'utf8');
    expect(bundle).toContain('OWN-ZOD-COPY');
    expect(bundle).toContain('"./vendor/zod.mjs"');
  });
});
