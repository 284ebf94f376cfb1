import type { ActorRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/**
 * The configs an execution of `actor` receives, `{name: value}` with secrets decrypted: those of the actor's tenant
 * whose `actors` entries name the actor's id or one of its aliases exactly. (The service matches substrings, across
 * tenants: a config of another tenant could reach this actor. The emulator does not copy that.)
 */
export function configsForActor(store: Store, actor: ActorRecord): Record<string, string> {
  const refs = new Set<string>([actor.id]);
  for (const alias of store.aliases.forActor(actor.id)) {
    if (alias.tenant === actor.tenant) refs.add(alias.alias);
  }
  return store.configs.deliveredTo(actor.tenant, refs);
}
