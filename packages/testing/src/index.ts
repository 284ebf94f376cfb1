export { invoke } from './invoke.js';
export type { InvokeOptions } from './invoke-options.js';
export { createInvocationResult } from './invocation-result.js';
export type { InvocationResult, InvocationData, SentMessage } from './invocation-result.js';
export { memoryPlatform, type MemoryPlatform } from './memory-platform.js';
export type { MemoryRecord } from './memory-api.js';
export { executionEnv, IN_PROCESS_API_SERVER } from './execution-env.js';
export type {
  ContainerTier,
  ContainerTierOptions,
  ContainerInvokeOptions,
  ContainerNonce,
  EmulatorConnection,
  Invoker,
  SharedInvokeOptions,
} from './container-tier.js';
export { containerActor } from './container-actor.js';
export { startEmulator, withEmulator, type TestEmulator, type TestEmulatorOptions } from './test-emulator.js';
export { emulatorGlobalSetup, EMULATOR_PROVIDE_KEY } from './global-setup.js';
export { checkEngine, type EngineCheck } from './engine-check.js';
export { inProcess, inContainer } from './invoker.js';
export { ContainerTierError, ExecutionPlatformError } from './errors.js';
export { TIER_IMAGE_REPO } from './actor-image.js';
