/**
 * Builds the local Node base image for actors on machines with no registry: `npm run base-image`.
 * Idempotent; prints what it did.
 */
import { ensureLocalBaseImage, pingEngine } from '@actorkit/emulator';

const engine = await pingEngine();
if (!engine.ok) {
  process.stderr.write(`base-image: ${engine.message}\n`);
  process.exit(1);
}
const started = Date.now();
const report = await ensureLocalBaseImage(undefined, (line) => {
  if (process.env.ACTORKIT_VERBOSE) process.stdout.write(`  ${line}\n`);
});
process.stdout.write(`base-image: ${report.message} (${Date.now() - started} ms)\n`);
