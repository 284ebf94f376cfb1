#!/usr/bin/env node
/**
 * `npm run publish:dry-run` (CI runs it): `npm publish --dry-run` of every published package, nothing sent. One line
 * per package: what its tarball would hold. Fails when npm refuses a package, or when a tarball lacks a file its
 * package.json points at (an `exports` target, the bin, types), which a user's install would trip over.
 * The packages must be built (npm ci builds them).
 */
import { execFileSync } from 'node:child_process';
import { ROOT, publishedPackages } from './packages.mjs';

/** Every file a package.json points at: exports targets (but the workspace's source condition), bin, main, types. */
function pointedAt(pkg) {
  const files = new Set();
  const add = (target) => {
    if (typeof target === 'string') files.add(target.replace(/^\.\//, ''));
    else if (target && typeof target === 'object')
      for (const [condition, value] of Object.entries(target))
        if (condition !== '@actorkit/source') add(value);
  };
  add(pkg.exports);
  add(typeof pkg.bin === 'string' ? pkg.bin : Object.values(pkg.bin ?? {}));
  for (const field of ['main', 'types']) if (pkg[field]) add(pkg[field]);
  return [...files].filter((f) => !f.includes('*'));
}

let failed = 0;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const { dir, name, version, pkg } of publishedPackages()) {
  let report;
  try {
    const out = execFileSync(
      'npm',
      ['publish', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error', `--workspace=${dir}`],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const parsed = JSON.parse(out);
    report = parsed[name] ?? parsed;
  } catch (error) {
    failed++;
    process.stdout.write(
      `✗ ${name}@${version}: npm publish --dry-run failed\n${error.stderr ?? error.message}\n`,
    );
    continue;
  }
  const shipped = new Set(report.files.map((f) => f.path));
  const missing = pointedAt(pkg).filter((f) => !shipped.has(f));
  const strays = [...shipped].filter((f) => /(^|\/)(src|test)\/|\.test\.[cm]?[jt]s$|tsconfig/.test(f));
  const line =
    `${name}@${version}: ${report.entryCount} files, ${kib(report.size)} packed, ${kib(report.unpackedSize)} ` +
    `unpacked (${dir})`;
  if (missing.length || strays.length) {
    failed++;
    process.stdout.write(`✗ ${line}\n`);
    if (missing.length)
      process.stdout.write(`  missing what package.json points at: ${missing.join(', ')}\n`);
    if (strays.length) process.stdout.write(`  ships what it should not: ${strays.slice(0, 5).join(', ')}\n`);
  } else process.stdout.write(`✓ ${line}\n`);
}
if (failed) {
  process.stdout.write(`${failed} package(s) would not publish cleanly\n`);
  process.exit(1);
}
