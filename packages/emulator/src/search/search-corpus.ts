import { FINAL_EXECUTION_STATUSES, levelAtLeast, type SearchType } from '@actorkit/api';
import type { Request } from 'express';
import type { Store } from '../store/store.js';
import type { ActorRecord } from '../store/records.js';
import {
  actorDocument,
  executionDocument,
  logDocument,
  workerDocument,
  type StoredDocument,
} from './stored-documents.js';

/** Who searches: the tenant and user the security filter keeps documents for. */
export interface SearchScope {
  tenant: string;
  user: string;
}

/**
 * The security filter (fidelity §7.2): actors of the caller's tenant on which the caller holds an explicit entry of
 * its own. The service lets any entry through, NONE included; the emulator requires at least READ (a NONE entry
 * hides the actor, as it does everywhere else). The admin role gives no bypass and ABACO_WORLD is not honoured,
 * as in the service. Deleted actors drop out with their permissions.
 */
export function searchableActors(store: Store, scope: SearchScope): ActorRecord[] {
  return store.actors
    .all()
    .filter(
      (a) =>
        a.tenant === scope.tenant && levelAtLeast(store.permissions.get('actor', a.id, scope.user), 'READ'),
    );
}

/**
 * The documents of one type the caller may see, in insertion order: actors by creation; executions and logs by
 * the executions' creation, across actors; workers actor by actor, each actor's by creation. Logs are those of
 * finished executions (the service stores them when an execution ends).
 */
export function searchCorpus(
  store: Store,
  req: Request,
  type: SearchType,
  scope: SearchScope,
): StoredDocument[] {
  const actors = searchableActors(store, scope);
  switch (type) {
    case 'actors':
      return actors.map((a) => actorDocument(req, a, store.actors.getState(a.id)));
    case 'workers':
      return actors.flatMap((a) => store.workers.listForActor(a.id).map((w) => workerDocument(a, w)));
    case 'executions':
    case 'logs': {
      const byId = new Map(actors.map((a) => [a.id, a]));
      const executions = store.executions.listForActors([...byId.keys()]);
      const pairs = executions.flatMap((e) => {
        const actor = byId.get(e.actorId);
        return actor ? [{ actor, e }] : [];
      });
      if (type === 'executions') return pairs.map(({ actor, e }) => executionDocument(req, actor, e));
      const finished = pairs.filter(({ e }) => FINAL_EXECUTION_STATUSES.includes(e.status));
      const texts = store.logs.textsFor(finished.map(({ e }) => e.id));
      return finished.flatMap(({ actor, e }) => {
        const text = texts.get(e.id);
        return text === undefined ? [] : [logDocument(req, actor, e.id, text)];
      });
    }
  }
}
