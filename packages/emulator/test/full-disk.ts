import type Database from 'better-sqlite3';
import type { Store } from '../src/store/store.js';

/**
 * Makes an in-memory store behave as on a full disk: SQLite may not grow the database past the pages it has
 * (`max_page_count`), so a write that needs a new page fails with a real SQLITE_FULL, as when the disk has no room.
 * Answers the function that gives the space back.
 */
export function fillDisk(store: Store): () => void {
  const db = (store as unknown as { db: Database.Database }).db;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  return () => void db.pragma('max_page_count = 1073741823');
}
