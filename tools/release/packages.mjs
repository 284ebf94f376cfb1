/**
 * The workspace's published packages: every package under packages/ and apps/ that is not private, in an order
 * where each comes after the workspace packages it depends on. Plain JavaScript: CI runs it before anything else.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function publishedPackages() {
  const found = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(ROOT, group)).sort()) {
      const file = join(ROOT, group, name, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (!pkg.private) found.push({ dir: join(group, name), name: pkg.name, version: pkg.version, pkg });
    }
  }
  const names = new Set(found.map((p) => p.name));
  const ordered = [];
  const visit = (p, path = []) => {
    if (ordered.includes(p)) return;
    if (path.includes(p.name)) throw new Error(`a dependency cycle: ${[...path, p.name].join(' -> ')}`);
    const deps = { ...p.pkg.dependencies, ...p.pkg.peerDependencies };
    for (const dep of Object.keys(deps).filter((d) => names.has(d)))
      visit(
        found.find((q) => q.name === dep),
        [...path, p.name],
      );
    ordered.push(p);
  };
  for (const p of found) visit(p);
  return ordered;
}

// `node tools/release/packages.mjs`: one "<dir> <name>@<version>" line per package
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const p of publishedPackages()) process.stdout.write(`${p.dir} ${p.name}@${p.version}\n`);
}
