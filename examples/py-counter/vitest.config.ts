import { defineConfig } from 'vitest/config';
import { workspaceTestConfig } from '../../vitest.shared.js';

// One file at a time: each file's emulator wants the gateway on port 443, which only one can hold.
export default defineConfig(
  workspaceTestConfig({
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  }),
);
