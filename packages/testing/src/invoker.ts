import type { Actor } from '@actorkit/runtime';
import type { InvocationResult } from './invocation-result.js';
import type { InvokeOptions } from './invoke-options.js';
import { invoke } from './invoke.js';

/**
 * The options both tiers take, so one assertion helper can drive either: `(o) => invoke(actor, o)` or
 * `(o) => tier.invoke(o)`.
 */
export type SharedInvokeOptions = Pick<
  InvokeOptions,
  'message' | 'binary' | 'contentType' | 'state' | 'stateless' | 'env' | 'actorName'
> & {
  /** `false`: the actor is registered with `token: false` (its API calls then fail). */
  token?: false;
  /** Nonces the actor has when the message arrives (in a container, created first: the emulator picks ids). */
  nonces?: ContainerNonce[];
};

/** A function that runs one invocation in either tier. */
export type Invoker = (options?: SharedInvokeOptions) => Promise<InvocationResult>;

/** A nonce to create before the message. */
export type ContainerNonce = Omit<NonNullable<InvokeOptions['nonces']>[number], 'id'>;

/** The in-process tier as an `Invoker`: the same assertion helper then runs against either tier. */
export function inProcess<M, S>(actor: Actor<M, S>): Invoker {
  return (options = {}) => invoke(actor, options);
}
