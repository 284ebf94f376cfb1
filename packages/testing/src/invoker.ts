import type { Actor } from '@actorkit/runtime';
import type { ContainerTier, Invoker } from './container-tier.js';
import { invoke } from './invoke.js';

/** The in-process tier as an `Invoker`: the same assertion helper then runs against either tier. */
export function inProcess<M, S>(actor: Actor<M, S>): Invoker {
  return (options = {}) => invoke(actor, options);
}

/** A container tier as an `Invoker`. */
export function inContainer(tier: ContainerTier): Invoker {
  return (options = {}) => tier.invoke(options);
}
