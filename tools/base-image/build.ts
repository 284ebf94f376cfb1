/**
 * Builds the local base images for actors on machines with no registry. Idempotent; prints what it did.
 *
 *   npm run base-image                 actorkit/node:20, from this machine's node
 *   npm run base-image -- --python     actorkit/python:3.11 as well: Debian bookworm (debootstrap, Debian's packages)
 *   npm run base-image -- --python-only
 */
import {
  ensureLocalBaseImage,
  ensurePythonBaseImage,
  pingEngine,
  PythonBaseImageError,
} from '@actorkit/docker';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--python' && a !== '--python-only');
if (unknown.length > 0) {
  process.stderr.write(`base-image: unknown option ${unknown.join(' ')} (known: --python, --python-only)\n`);
  process.exit(2);
}
const engine = await pingEngine();
if (!engine.ok) {
  process.stderr.write(`base-image: ${engine.message}\n`);
  process.exit(1);
}
const progress = (line: string) => {
  if (process.env.ACTORKIT_VERBOSE) process.stdout.write(`  ${line}\n`);
};
if (!args.includes('--python-only')) {
  const started = Date.now();
  const report = await ensureLocalBaseImage(undefined, progress);
  process.stdout.write(`base-image: ${report.message} (${Date.now() - started} ms)\n`);
}
if (args.includes('--python') || args.includes('--python-only')) {
  const started = Date.now();
  try {
    const report = await ensurePythonBaseImage({ onProgress: progress });
    process.stdout.write(`base-image: ${report.message} (${Date.now() - started} ms)\n`);
  } catch (error) {
    if (!(error instanceof PythonBaseImageError)) throw error;
    process.stderr.write(`base-image: ${error.message}\n`);
    process.exit(1);
  }
}
