export { invoke } from './invoke.js';
export type { InvokeOptions } from './invoke-options.js';
export { createInvocationResult } from './invocation-result.js';
export type { InvocationResult, InvocationData, SentMessage } from './invocation-result.js';
export { memoryPlatform, type MemoryPlatform } from './memory-platform.js';
export type { MemoryRecord } from './memory-api.js';
export { executionEnv, IN_PROCESS_API_SERVER } from './execution-env.js';
export type { ContainerTier, ContainerTierOptions, ContainerInvokeOptions } from './container-tier.js';
