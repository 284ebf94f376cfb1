import type { KeyCase } from '@actorkit/api';
import type { AuthConfig } from './auth/users.js';
import type { ActorSettings } from './domain/actor-settings.js';
import type { Clock } from './domain/clock.js';
import type { Executor } from './executor/executor.js';
import type { BodyLimits } from './http/body-parsers.js';
import type { OriginPolicy } from './http/origin-policy.js';
import type { Mailbox } from './mailbox/mailbox.js';
import type { ExecutionControl } from './seams/execution-control.js';
import type { WorkerPool } from './seams/worker-pool.js';
import type { Store } from './store/store.js';

/** Everything the routes need, built once by createApp. */
export interface EmulatorContext {
  store: Store;
  mailbox: Mailbox;
  pool: WorkerPool;
  control: ExecutionControl;
  /** The executor the pool runs executions with; null in this part (nothing runs). */
  executor: Executor | null;
  auth: AuthConfig;
  keyCase: KeyCase;
  limits: BodyLimits;
  clock: Clock;
  /** Deployment settings for actor registrations: token defaults, queue names. */
  actorSettings: ActorSettings;
  /** Browser origins and host names allowed (default: the emulator's own, localhost and IP literals). */
  originPolicy?: OriginPolicy;
}
