import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectIssueAt } from '../test/expect-issue.js';
import { formBoolean, formInt, formJsonObject, formNumber, formStringList } from './coerce.js';

describe('form spellings', () => {
  it('formBoolean reads true/false words and passes booleans through', () => {
    for (const t of ['true', 'True', 'TRUE', '1', 'yes', true]) expect(formBoolean().parse(t)).toBe(true);
    for (const f of ['false', 'False', 'FALSE', '0', 'no', false]) expect(formBoolean().parse(f)).toBe(false);
    expectIssueAt(z.object({ on: formBoolean() }), { on: 'maybe' }, ['on']);
    expectIssueAt(z.object({ on: formBoolean() }), { on: 1 }, ['on']);
  });

  it('formInt reads integer text, rejects fractions and words', () => {
    expect(formInt().parse('42')).toBe(42);
    expect(formInt().parse(' -1 ')).toBe(-1);
    expect(formInt().parse(7)).toBe(7);
    expectIssueAt(z.object({ n: formInt() }), { n: '1.5' }, ['n']);
    expectIssueAt(z.object({ n: formInt() }), { n: 1.5 }, ['n']);
    expectIssueAt(z.object({ n: formInt() }), { n: 'two' }, ['n']);
  });

  it('formNumber reads decimal text, rejects empty text', () => {
    expect(formNumber().parse('1.5')).toBe(1.5);
    expect(formNumber().parse(2)).toBe(2);
    expectIssueAt(z.object({ x: formNumber() }), { x: '' }, ['x']);
    expectIssueAt(z.object({ x: formNumber() }), { x: 'abc' }, ['x']);
  });

  it('formJsonObject reads JSON text and reports bad text at the field', () => {
    const schema = z.object({ env: formJsonObject(z.record(z.string(), z.string())) });
    expect(schema.parse({ env: '{"K":"v"}' })).toEqual({ env: { K: 'v' } });
    expect(schema.parse({ env: { K: 'v' } })).toEqual({ env: { K: 'v' } });
    expectIssueAt(schema, { env: '{not json' }, ['env']);
    expectIssueAt(schema, { env: '{"K":1}' }, ['env', 'K']);
  });

  it('formStringList reads a comma list or a JSON array', () => {
    expect(formStringList().parse('a, b ,c')).toEqual(['a', 'b', 'c']);
    expect(formStringList().parse('["a","b"]')).toEqual(['a', 'b']);
    expect(formStringList().parse('')).toEqual([]);
    expect(formStringList().parse(['x'])).toEqual(['x']);
    expectIssueAt(z.object({ l: formStringList() }), { l: '[broken' }, ['l']);
    expectIssueAt(z.object({ l: formStringList() }), { l: [1] }, ['l', 0]);
  });
});
