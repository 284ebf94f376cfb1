import { defineConfig, mergeConfig } from 'vitest/config';
import { sourceConditions, workspaceTestConfig } from '../../vitest.shared.js';

export default defineConfig(
  mergeConfig(workspaceTestConfig({ globalSetup: ['test/global-setup.ts'] }), {
    // globalSetup files load in vitest's own environment, which needs the source condition as well
    environments: {
      __vitest__: { resolve: { conditions: sourceConditions, externalConditions: ['@actorkit/source'] } },
    },
  }),
);
