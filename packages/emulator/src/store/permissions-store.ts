import type { PermissionLevel } from '@actorkit/api';
import type { Db } from './db.js';
import type { PermissionKind } from './records.js';

/**
 * Who may do what on an actor (target: its id), an alias (`{tenant}_{alias}`) or a config (`{tenant}_{name}`).
 * Every level is stored, NONE included (`models.set_permission`): NONE is an entry, not a revoke. Entries keep the
 * order they were first made in, as the service's permission document does.
 */
export class PermissionsStore {
  constructor(private readonly db: Db) {}

  set(kind: PermissionKind, target: string, user: string, level: PermissionLevel): void {
    this.db
      .prepare(
        `INSERT INTO permissions (kind, target, username, level) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, target, username) DO UPDATE SET level = excluded.level`,
      )
      .run(kind, target, user, level);
  }

  /** The level `user` holds directly (not through ABACO_WORLD); NONE when it has no entry. */
  get(kind: PermissionKind, target: string, user: string): PermissionLevel {
    const row = this.db
      .prepare('SELECT level FROM permissions WHERE kind = ? AND target = ? AND username = ?')
      .get(kind, target, user) as { level: PermissionLevel } | undefined;
    return row?.level ?? 'NONE';
  }

  /** The permission document of a target: every user and level, in the order the entries were made. */
  list(kind: PermissionKind, target: string): Record<string, PermissionLevel> {
    const rows = this.db
      .prepare('SELECT username, level FROM permissions WHERE kind = ? AND target = ? ORDER BY rowid')
      .all(kind, target) as { username: string; level: PermissionLevel }[];
    return Object.fromEntries(rows.map((r) => [r.username, r.level]));
  }

  deleteAll(kind: PermissionKind, target: string): void {
    this.db.prepare('DELETE FROM permissions WHERE kind = ? AND target = ?').run(kind, target);
  }
}
