import type { ContainerTier } from './container-tier.js';
import type { Invoker } from './invoker.js';

/** A container tier as an `Invoker`: the same assertion helper then runs against either tier. */
export function inContainer(tier: ContainerTier): Invoker {
  return (options = {}) => tier.invoke(options);
}
