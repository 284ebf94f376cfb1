#!/usr/bin/env node
// The `actorkit` command: the compiled CLI in dist/ (built by `npm run build`; in the ActorKit workspace `npm ci`
// builds it through the root prepare script). Commands load lazily: `actorkit --help` reads the command table only.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1 and later keep V8's compiled code between runs (a no-op on Node 20, which has no such cache)
module.enableCompileCache?.();

const MAIN = new URL('../dist/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(MAIN.href));
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(fileURLToPath(MAIN))) {
    process.stderr.write(
      `actorkit: ${fileURLToPath(MAIN)} is missing: this copy of the CLI is not built. In the ActorKit ` +
        'repository, run `npm run build` (or `npm ci`, which builds).\n',
    );
    process.exit(1);
  }
  throw error;
}
process.exitCode = await main(process.argv.slice(2));
