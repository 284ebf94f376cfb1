import { describe, expect, it } from 'vitest';
import {
  ABACO_WORLD,
  ACTOR_ID_PATTERN,
  levelAtLeast,
  LinksSchema,
  PermissionLevelInputSchema,
  PermissionLevelSchema,
  RoleSchema,
} from './common.js';

describe('permission levels', () => {
  it('accept any case in and give the upper-case level out', () => {
    expect(PermissionLevelInputSchema.parse('read')).toBe('READ');
    expect(PermissionLevelInputSchema.parse(' Execute ')).toBe('EXECUTE');
    expect(PermissionLevelInputSchema.parse('UPDATE')).toBe('UPDATE');
    expect(PermissionLevelInputSchema.safeParse('WRITE').success).toBe(false);
    expect(PermissionLevelInputSchema.safeParse(2).success).toBe(false);
  });

  it('are strict upper case where the service writes them', () => {
    expect(PermissionLevelSchema.parse('NONE')).toBe('NONE');
    expect(PermissionLevelSchema.safeParse('read').success).toBe(false);
  });

  it('are ordered NONE < READ < EXECUTE < UPDATE', () => {
    expect(levelAtLeast('UPDATE', 'EXECUTE')).toBe(true);
    expect(levelAtLeast('EXECUTE', 'READ')).toBe(true);
    expect(levelAtLeast('READ', 'READ')).toBe(true);
    expect(levelAtLeast('READ', 'EXECUTE')).toBe(false);
    expect(levelAtLeast('NONE', 'READ')).toBe(false);
  });
});

describe('common values', () => {
  it('roles, links, ids and the world user', () => {
    expect(RoleSchema.parse('privileged')).toBe('privileged');
    expect(RoleSchema.safeParse('root').success).toBe(false);
    expect(LinksSchema.parse({ self: 'http://x' })).toEqual({ self: 'http://x' });
    expect(LinksSchema.safeParse({ self: 1 }).success).toBe(false);
    expect(ACTOR_ID_PATTERN.test('Xm4e8yB7vLDj1')).toBe(true);
    expect(ACTOR_ID_PATTERN.test('Xm4e8yB7vLDj')).toBe(false);
    expect(ABACO_WORLD).toBe('ABACO_WORLD');
  });
});
