import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { alias } from '../test/fixtures-camel.js';
import {
  AliasListSchema,
  AliasNameSchema,
  AliasRequestSchema,
  AliasSchema,
  AliasUpdateRequestSchema,
  RESERVED_ALIAS_NAMES,
} from './alias.js';

describe('alias names', () => {
  it.each(['word.count', 'v1.2.3', 'my-actor_2', 'A'])('accepts %s', (name) => {
    expect(AliasNameSchema.parse(name)).toBe(name);
  });

  it('lists the reserved route words', () => {
    expect([...RESERVED_ALIAS_NAMES].sort()).toEqual([
      'adapters',
      'admin',
      'executions',
      'logs',
      'messages',
      'nonces',
    ]);
  });

  it.each([...RESERVED_ALIAS_NAMES])('rejects the reserved word %s, trimmed or not', (name) => {
    expectIssueAt(AliasRequestSchema, { alias: name, actorId: 'a' }, ['alias'], /reserved word/);
    expectIssueAt(AliasRequestSchema, { alias: ` ${name} `, actorId: 'a' }, ['alias'], /reserved word/);
  });

  it.each(['has space', 'slash/y', 'q?x', '', 'x'.repeat(129)])('rejects %j', (name) => {
    expectIssueAt(AliasRequestSchema, { alias: name, actorId: 'a' }, ['alias']);
  });
});

describe('alias requests and objects', () => {
  it('parses a request and names a missing target', () => {
    expect(AliasRequestSchema.parse({ alias: 'word.count', actorId: 'a1' })).toEqual({
      alias: 'word.count',
      actorId: 'a1',
    });
    expectIssueAt(AliasRequestSchema, { alias: 'word.count' }, ['actorId']);
    expectIssueAt(AliasRequestSchema, { alias: 'word.count', actorId: 7 }, ['actorId']);
    expect(AliasUpdateRequestSchema.parse({ actorId: 'a2' })).toEqual({ actorId: 'a2' });
    expectIssueAt(AliasUpdateRequestSchema, { actorId: ' ' }, ['actorId'], /actorId is required/);
  });

  it('parses an alias, filling owner and links when left out', () => {
    expect(AliasSchema.parse(alias)).toEqual(alias);
    expect(AliasSchema.parse({ alias: 'x.y', actorId: 'a1' })).toEqual({
      alias: 'x.y',
      actorId: 'a1',
      owner: '',
      _links: {},
    });
    expectIssueAt(AliasListSchema, [alias, { ...alias, actorId: null }], [1, 'actorId']);
  });
});
