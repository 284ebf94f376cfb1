import type { ViteUserConfig } from 'vitest/config';

/**
 * Workspace packages resolve to their TypeScript source in tests, through the `@actorkit/source` condition. Vitest
 * hands these to the worker's Node as `--conditions`, so `import`/`module` must not be among them: they would make
 * CommonJS `require` pick ES module files (express breaks). Vite adds `import`/`require` per import kind itself.
 */
export const sourceConditions = ['@actorkit/source', 'node', 'default'];

export function workspaceTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  const resolve = { conditions: sourceConditions, externalConditions: ['@actorkit/source'] };
  return {
    resolve: { conditions: sourceConditions },
    ssr: { resolve },
    // globalSetup files load in vitest's own environment, which needs the source condition as well
    environments: { __vitest__: { resolve } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  };
}
