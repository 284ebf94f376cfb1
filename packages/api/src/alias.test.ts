import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { alias } from '../test/fixtures-camel.js';
import {
  AliasListSchema,
  AliasNameSchema,
  AliasRequestSchema,
  AliasSchema,
  AliasUpdateRequestSchema,
  aliasNameProblem,
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

  it.each([...RESERVED_ALIAS_NAMES])('rejects the reserved word %s with the service text', (name) => {
    expect(expectIssueAt(AliasRequestSchema, { alias: name, actorId: 'a' }, ['alias'])).toBe(
      `${name} is a reserved word. The following reserved words cannot be used for an alias: ['executions', 'nonces', 'logs', 'messages', 'adapters', 'admin'].`,
    );
  });

  it('rejects a hash id with the service text', () => {
    expect(expectIssueAt(AliasRequestSchema, { alias: 'AbCdEfGhIjK12', actorId: 'a' }, ['alias'])).toBe(
      'Invalid alias description. Alias cannot be an Abaco hash id.',
    );
  });

  const FORBIDDEN_LIST = `['\\\\', ' ', '"', ':', '/', '?', '#', '[', ']', '@', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=']`;
  it.each([
    ['has space', ' '],
    ['slash/y', '/'],
    ['q?x', '?'],
    [' messages ', ' '],
    ["it's", "'"],
    ['back\\slash', '\\'],
    ['a=b:c', ':'],
  ])('rejects %j naming the first forbidden character of the service list', (name, c) => {
    expect(expectIssueAt(AliasRequestSchema, { alias: name, actorId: 'a' }, ['alias'])).toBe(
      `'${c}' is a forbidden character. The following characters cannot be used for an alias: ${FORBIDDEN_LIST}.`,
    );
  });

  it.each(['', 'x'.repeat(129), '.', '..', 'tab\there'])('rejects %j (the emulator limits)', (name) => {
    expectIssueAt(AliasRequestSchema, { alias: name, actorId: 'a' }, ['alias']);
  });

  it('names a problem as the service does', () => {
    expect(aliasNameProblem('fine.name')).toBeNull();
    expect(aliasNameProblem('ünïcödé')).toBeNull();
    expect(aliasNameProblem('admin')).toMatch(/^admin is a reserved word/);
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
    expect(AliasUpdateRequestSchema.parse({ actorId: 'a2', alias: 'x' })).toEqual({
      actorId: 'a2',
      alias: 'x',
    });
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
