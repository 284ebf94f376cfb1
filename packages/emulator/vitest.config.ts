import { defineConfig } from 'vitest/config';
import { workspaceTestConfig } from '../../vitest.shared.js';

/**
 * Vitest hands the resolve conditions to the worker's Node as `--conditions`. The shared list includes `import`
 * and `module`, which make CommonJS `require` pick ES module files (express's router requiring is-promise then
 * gets a namespace object). Bundlers add `import`/`require` per import kind on their own, so the emulator keeps only
 * the source condition and Node's own.
 */
const conditions = ['@actorkit/source', 'node', 'default'];
const base = workspaceTestConfig();

export default defineConfig({
  ...base,
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@actorkit/source'] } },
});
