import type { ConfigDisplay } from '@actorkit/api';
import type { ConfigRecord } from '../store/records.js';

/** `ActorConfig.display`: the record without `tenant` (and without what the service does not keep on it). */
export function configView(c: ConfigRecord): ConfigDisplay {
  return { name: c.name, value: c.value, isSecret: c.isSecret, actors: c.actors };
}
