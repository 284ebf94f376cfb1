import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { permissions } from '../test/fixtures-camel.js';
import { ActorPermissionsSchema, PermissionsUpdateRequestSchema } from './permissions.js';

describe('permissions', () => {
  it.each([
    ['read', 'READ'],
    ['Execute', 'EXECUTE'],
    ['update', 'UPDATE'],
    ['NONE', 'NONE'],
  ])('a request level %s comes out as %s', (level, out) => {
    expect(PermissionsUpdateRequestSchema.parse({ user: 'ABACO_WORLD', level })).toEqual({
      user: 'ABACO_WORLD',
      level: out,
    });
  });

  it('a request needs a user and a known level', () => {
    expectIssueAt(PermissionsUpdateRequestSchema, { level: 'READ' }, ['user']);
    expectIssueAt(PermissionsUpdateRequestSchema, { user: ' ', level: 'READ' }, ['user'], /user is required/);
    expectIssueAt(PermissionsUpdateRequestSchema, { user: 'jane', level: 'ADMIN' }, ['level']);
    expectIssueAt(PermissionsUpdateRequestSchema, { user: 'jane', level: 1 }, ['level']);
  });

  it('the answer maps user names to levels and names a bad entry', () => {
    expect(ActorPermissionsSchema.parse(permissions)).toEqual(permissions);
    expectIssueAt(ActorPermissionsSchema, { permissions: { jane_doe: 'OWNER' } }, [
      'permissions',
      'jane_doe',
    ]);
    expectIssueAt(ActorPermissionsSchema, {}, ['permissions']);
  });
});
