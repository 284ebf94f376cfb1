import type { PermissionLevel } from '@actorkit/api';
import type { Db } from './db.js';
import type { PermissionKind } from './records.js';

/** Who may do what on an actor or an alias. Level NONE is never stored: setting it revokes. */
export class PermissionsStore {
  constructor(private readonly db: Db) {}

  set(kind: PermissionKind, target: string, user: string, level: PermissionLevel): void {
    if (level === 'NONE') {
      this.db
        .prepare('DELETE FROM permissions WHERE kind = ? AND target = ? AND username = ?')
        .run(kind, target, user);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO permissions (kind, target, username, level) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, target, username) DO UPDATE SET level = excluded.level`,
      )
      .run(kind, target, user, level);
  }

  /** The level `user` holds directly (not through ABACO_WORLD); NONE when none. */
  get(kind: PermissionKind, target: string, user: string): PermissionLevel {
    const row = this.db
      .prepare('SELECT level FROM permissions WHERE kind = ? AND target = ? AND username = ?')
      .get(kind, target, user) as { level: PermissionLevel } | undefined;
    return row?.level ?? 'NONE';
  }

  /** Every user and level on a target, as the API shows them. */
  list(kind: PermissionKind, target: string): Record<string, PermissionLevel> {
    const rows = this.db
      .prepare('SELECT username, level FROM permissions WHERE kind = ? AND target = ? ORDER BY username')
      .all(kind, target) as { username: string; level: PermissionLevel }[];
    return Object.fromEntries(rows.map((r) => [r.username, r.level]));
  }

  deleteAll(kind: PermissionKind, target: string): void {
    this.db.prepare('DELETE FROM permissions WHERE kind = ? AND target = ?').run(kind, target);
  }
}
