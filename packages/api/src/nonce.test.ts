import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { nonce } from '../test/fixtures-camel.js';
import {
  ActorNonceListSchema,
  ActorNonceSchema,
  AddAliasNonceRequestSchema,
  AddNonceRequestSchema,
  NonceDisplaySchema,
} from './nonce.js';

describe('AddNonceRequestSchema', () => {
  it('defaults to level EXECUTE, unlimited uses, no description', () => {
    expect(AddNonceRequestSchema.parse({})).toEqual({ level: 'EXECUTE', maxUses: -1, description: '' });
  });

  it('takes -1 and positive counts, as numbers or text', () => {
    expect(AddNonceRequestSchema.parse({ maxUses: -1 }).maxUses).toBe(-1);
    expect(AddNonceRequestSchema.parse({ maxUses: '-1' }).maxUses).toBe(-1);
    expect(AddNonceRequestSchema.parse({ maxUses: '5' }).maxUses).toBe(5);
  });

  it.each([0, -2, '0', '-2', 1.5, 'many'])('rejects maxUses %j at the field', (maxUses) => {
    expectIssueAt(AddNonceRequestSchema, { maxUses }, ['maxUses']);
  });

  it('says what maxUses may be, in the service text', () => {
    for (const maxUses of [0, 'many', 2.5]) {
      expect(expectIssueAt(AddNonceRequestSchema, { maxUses }, ['maxUses'])).toBe(
        'The max uses parameter must be a positive integer or -1 (to denote unlimited uses).',
      );
    }
  });

  it('names the valid levels as the service prints them', () => {
    expect(expectIssueAt(AddNonceRequestSchema, { level: 'ALL' }, ['level'])).toBe(
      "Invalid nonce description. The level attribute must be one of: ('NONE', 'READ', 'EXECUTE', 'UPDATE')",
    );
    expect(expectIssueAt(AddAliasNonceRequestSchema, { level: 'UPDATE' }, ['level'])).toBe(
      "Invalid nonce description. The level attribute must be one of: ('NONE', 'READ', 'EXECUTE')",
    );
    expect(AddAliasNonceRequestSchema.parse({ level: 'read' }).level).toBe('READ');
  });

  it('takes the level in any case and gives it upper case', () => {
    expect(AddNonceRequestSchema.parse({ level: 'read' }).level).toBe('READ');
    expectIssueAt(AddNonceRequestSchema, { level: 'ALL' }, ['level']);
    expectIssueAt(AddNonceRequestSchema, { description: 3 }, ['description']);
  });
});

describe('ActorNonceSchema', () => {
  it('parses a complete nonce unchanged', () => {
    expect(ActorNonceSchema.parse(nonce)).toEqual(nonce);
  });

  it('fills in the fields beyond the seed and reads maxUses given as text', () => {
    const seedOnly = {
      id: 'DEV_x',
      actorId: 'a1',
      createTime: 't',
      lastUseTime: null,
      level: 'READ',
      maxUses: '3',
      remainingUses: 3,
    };
    expect(ActorNonceSchema.parse(seedOnly)).toEqual({
      ...seedOnly,
      maxUses: 3,
      alias: null,
      owner: '',
      roles: [],
      currentUses: 0,
      description: '',
      _links: {},
    });
  });

  it('keeps the service\'s "None" for a nonce never used', () => {
    expect(ActorNonceSchema.parse({ ...nonce, lastUseTime: 'None' }).lastUseTime).toBe('None');
  });

  it('the display schema takes exactly the service keys', () => {
    const display = {
      ...nonce,
      apiServer: 'http://host',
      alias: null,
      lastUseTime: 'None',
      _links: { self: 's', owner: 'o', actor: 'a' },
    };
    expect(NonceDisplaySchema.parse(display)).toEqual(display);
    expect(NonceDisplaySchema.safeParse({ ...display, tenant: 'DEV' }).success).toBe(false);
  });

  it('rejects wrong types at the field', () => {
    expectIssueAt(ActorNonceSchema, { ...nonce, level: 'read' }, ['level']);
    expectIssueAt(ActorNonceSchema, { ...nonce, remainingUses: 'lots' }, ['remainingUses']);
    expectIssueAt(ActorNonceSchema, { ...nonce, maxUses: 'x' }, ['maxUses']);
    expectIssueAt(ActorNonceListSchema, [nonce, { ...nonce, roles: 'admin' }], [1, 'roles']);
  });
});
