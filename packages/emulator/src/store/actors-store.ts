import { nextSeq, type Db } from './db.js';
import type { ActorRecord } from './records.js';

interface ActorRow {
  doc: string;
  state: string;
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
    return row ? (JSON.parse(row.doc) as ActorRecord) : null;
  }

  /** Every actor, oldest first. */
  all(): ActorRecord[] {
    const rows = this.db.prepare('SELECT doc FROM actors ORDER BY seq').all() as ActorRow[];
    return rows.map((r) => JSON.parse(r.doc) as ActorRecord);
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
