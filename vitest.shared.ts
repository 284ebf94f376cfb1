import type { ViteUserConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript source in tests, through the `@actorkit/source` condition. */
export const sourceConditions = ['@actorkit/source', 'node', 'import', 'module', 'default'];

export function workspaceTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return {
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@actorkit/source'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  };
}
