import { configDefaults, defineConfig } from 'vitest/config';
import { workspaceTestConfig } from '../../vitest.shared.js';

/** Stops and restarts the machine's Docker engine (when ACTORKIT_ENGINE_RESTART=1), so nothing may run beside it. */
const ENGINE_RESTART = 'test/engine/engine-restart.test.ts';

const shared = workspaceTestConfig();
// each project names its own files: `extends` would add to an inherited include instead of replacing it
const { include = [], ...common } = shared.test ?? {};

export default defineConfig({
  ...shared,
  test: {
    ...common,
    projects: [
      {
        extends: true,
        test: { name: 'emulator', include, exclude: [...configDefaults.exclude, ENGINE_RESTART] },
      },
      // a later group: it starts when every other file has finished
      {
        extends: true,
        test: { name: 'engine-restart', include: [ENGINE_RESTART], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
