import { nextSeq, type Db } from './db.js';
import type { ActorRecord } from './records.js';

interface ActorRow {
  doc: string;
  state: string;
}

/** Fields added to the record after data dirs were written: documents stored before them read with the defaults. */
const LATER_FIELDS: Pick<ActorRecord, 'type' | 'mounts' | 'uid' | 'gid' | 'tasdir'> = {
  type: 'none',
  mounts: [],
  uid: null,
  gid: null,
  tasdir: null,
};

function fromDoc(doc: string): ActorRecord {
  return { ...LATER_FIELDS, ...(JSON.parse(doc) as ActorRecord) };
}

/** Actors and their state. State is kept apart from the description so updating one never rewrites the other. */
export class ActorsStore {
  constructor(private readonly db: Db) {}

  insert(actor: ActorRecord): void {
    this.db
      .prepare('INSERT INTO actors (id, seq, owner, doc) VALUES (?, ?, ?, ?)')
      .run(actor.id, nextSeq(this.db, 'actors'), actor.owner, JSON.stringify(actor));
  }

  replace(actor: ActorRecord): void {
    this.db
      .prepare('UPDATE actors SET doc = ?, owner = ? WHERE id = ?')
      .run(JSON.stringify(actor), actor.owner, actor.id);
  }

  get(id: string): ActorRecord | null {
    const row = this.db.prepare('SELECT doc FROM actors WHERE id = ?').get(id) as ActorRow | undefined;
    return row ? fromDoc(row.doc) : null;
  }

  /** Every actor, oldest first. */
  all(): ActorRecord[] {
    const rows = this.db.prepare('SELECT doc FROM actors ORDER BY seq').all() as ActorRow[];
    return rows.map((r) => fromDoc(r.doc));
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM actors WHERE id = ?').run(id).changes === 1;
  }

  setStatus(id: string, status: string, statusMessage: string): boolean {
    const actor = this.get(id);
    if (!actor) return false;
    this.replace({ ...actor, status, statusMessage });
    return true;
  }

  getState(id: string): unknown {
    const row = this.db.prepare('SELECT state FROM actors WHERE id = ?').get(id) as ActorRow | undefined;
    return row ? (JSON.parse(row.state) as unknown) : undefined;
  }

  setState(id: string, state: unknown): boolean {
    return (
      this.db.prepare('UPDATE actors SET state = ? WHERE id = ?').run(JSON.stringify(state ?? null), id)
        .changes === 1
    );
  }
}
