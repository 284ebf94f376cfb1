/**
 * @actorkit/testing: the in-process tier. It needs @actorkit/runtime and nothing native: no Docker client, no
 * emulator, no bundler. The container tier is `@actorkit/testing/containers`.
 */
export { invoke } from './invoke.js';
export type { InvokeOptions } from './invoke-options.js';
export { createInvocationResult } from './invocation-result.js';
export type { InvocationResult, InvocationData, SentMessage } from './invocation-result.js';
export { memoryPlatform, type MemoryPlatform } from './memory-platform.js';
export type { MemoryRecord } from './memory-api.js';
export { executionEnv, IN_PROCESS_API_SERVER } from './execution-env.js';
export { inProcess, type Invoker, type SharedInvokeOptions, type ContainerNonce } from './invoker.js';
export { ContainerTierError, ExecutionPlatformError } from './errors.js';
