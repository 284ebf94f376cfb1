import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { permissions } from '../test/fixtures-camel.js';
import { ActorPermissionsSchema, PermissionsUpdateRequestSchema, pythonTuple } from './permissions.js';

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
    expectIssueAt(PermissionsUpdateRequestSchema, { user: 'jane', level: 1 }, ['level']);
  });

  it('names a bad level in the service text, with the tuple as Python prints it', () => {
    expect(expectIssueAt(PermissionsUpdateRequestSchema, { user: 'jane', level: 'ADMIN' }, ['level'])).toBe(
      "Invalid permission level: ADMIN. The valid values are ('NONE', 'READ', 'EXECUTE', 'UPDATE')",
    );
    expect(pythonTuple(['A', 'B'])).toBe("('A', 'B')");
  });

  it('the answer is a flat map of user names to levels, NONE included, and names a bad entry', () => {
    expect(ActorPermissionsSchema.parse(permissions)).toEqual(permissions);
    expect(ActorPermissionsSchema.parse({ bob: 'NONE' })).toEqual({ bob: 'NONE' });
    expectIssueAt(ActorPermissionsSchema, { jane_doe: 'OWNER' }, ['jane_doe']);
    expect(ActorPermissionsSchema.safeParse({ permissions: { jane_doe: 'UPDATE' } }).success).toBe(false);
  });
});
