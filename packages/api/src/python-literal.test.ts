import { describe, expect, it } from 'vitest';
import { parsePythonLiteral, PythonLiteralError, toPythonLiteral } from './python-literal.js';

/** A seeded generator of JSON values with awkward strings and numbers, so failures reproduce. */
function jsonValues(count: number, seed = 7): unknown[] {
  let s = seed;
  const rnd = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const chars = [
    'a',
    'Z',
    ' ',
    "'",
    '"',
    '\\',
    '\n',
    '\t',
    '\r',
    '\x00',
    '\x7f',
    '\xa0',
    '\xad',
    'é',
    '€',
    '\u2028',
    '😀',
    '\ud800',
    '中',
  ];
  const numbers = [
    0,
    -7,
    0.1,
    1e16,
    1e15,
    1e-4,
    1e-5,
    123456789.123,
    1.5e300,
    5e-324,
    2 ** 53,
    -(2 ** 60),
    1e21,
    -0.0,
  ];
  const str = (): string => Array.from({ length: Math.floor(rnd() * 8) }, () => pick(chars)).join('');
  const num = (): number => (rnd() < 0.5 ? pick(numbers) : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20));
  const value = (depth: number): unknown => {
    const k = rnd();
    if (depth > 3 || k < 0.5) return pick([str, num, () => null, () => true, () => false])();
    const n = Math.floor(rnd() * 4);
    if (k < 0.75) return Array.from({ length: n }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: n }, () => [str(), value(depth + 1)]));
  };
  return Array.from({ length: count }, () => value(0));
}

describe('toPythonLiteral', () => {
  it("writes Python's repr of decoded JSON (expected texts produced by CPython 3.11)", () => {
    expect(toPythonLiteral({ k: 'v', ok: true, n: null })).toBe("{'k': 'v', 'ok': True, 'n': None}");
    expect(toPythonLiteral([1, 2.5, -3, 1e-5, 1e22, 0.1, 123456789.123])).toBe(
      '[1, 2.5, -3, 1e-05, 1e+22, 0.1, 123456789.123]',
    );
    expect(toPythonLiteral("it's")).toBe('"it\'s"');
    expect(toPythonLiteral('say "hi"')).toBe('\'say "hi"\'');
    expect(toPythonLiteral('both \' and "')).toBe("'both \\' and \"'");
    expect(toPythonLiteral('tab\tnl\ncr\r\x00\x7f\x1b')).toBe("'tab\\tnl\\ncr\\r\\x00\\x7f\\x1b'");
    expect(toPythonLiteral('café ß € 中 😀')).toBe("'café ß € 中 😀'");
    expect(toPythonLiteral('\xa0\xad\u200b\u2028\ufeff')).toBe("'\\xa0\\xad\\u200b\\u2028\\ufeff'");
    expect(toPythonLiteral('\\back')).toBe("'\\\\back'");
    expect(toPythonLiteral({ nested: { list: [[], {}, [null]] } })).toBe(
      "{'nested': {'list': [[], {}, [None]]}}",
    );
    expect(toPythonLiteral(1.5e15)).toBe('1500000000000000');
    expect(toPythonLiteral(-0)).toBe('-0.0');
    expect(toPythonLiteral(5e-324)).toBe('5e-324');
    expect(toPythonLiteral(Number.MAX_VALUE)).toBe('1.7976931348623157e+308');
    expect(toPythonLiteral(0.0001)).toBe('0.0001');
    expect(toPythonLiteral(0.5e-300)).toBe('5e-301');
  });

  it('refuses values JSON cannot hold, naming where they are', () => {
    expect(() => toPythonLiteral({ a: [1, undefined] })).toThrow(/undefined at \$\.a\[1\]/);
    expect(() => toPythonLiteral({ a: Number.NaN })).toThrow(/NaN at \$\.a/);
    expect(() => toPythonLiteral(new Date(0))).toThrow(/Date at \$/);
  });
});

describe('parsePythonLiteral', () => {
  it('reads what toPythonLiteral writes, for any JSON value (round trip)', () => {
    for (const value of jsonValues(500)) {
      expect(parsePythonLiteral(toPythonLiteral(value))).toEqual(value);
    }
  });

  it('reads real MSG and state strings', () => {
    expect(
      parsePythonLiteral(
        "{'name': 'abaco', 'count': 3, 'tags': ['a', 'b'], 'nested': {'ok': True, 'none': None}}",
      ),
    ).toEqual({
      name: 'abaco',
      count: 3,
      tags: ['a', 'b'],
      nested: { ok: true, none: null },
    });
    expect(parsePythonLiteral('{}')).toEqual({});
    expect(parsePythonLiteral("{'text': \"it's\", '名前': 'café 😀'}")).toEqual({
      text: "it's",
      名前: 'café 😀',
    });
    expect(parsePythonLiteral("{\n  'a': [1, 2,],\n  'b': (3, 4),\n}")).toEqual({ a: [1, 2], b: [3, 4] });
  });

  it('reads escapes, raw, triple-quoted and adjacent strings as CPython does', () => {
    const escapes = String.raw`'tab\there\nnew \\ \x41 \u00e9 \U0001F600 \101 \q \'\" \a\b\f\v \0'`;
    expect(parsePythonLiteral(escapes)).toBe('tab\there\nnew \\ A é 😀 A \\q \'" \x07\x08\x0c\x0b \x00');
    expect(parsePythonLiteral(String.raw`r'\n\d\''`)).toBe(String.raw`\n\d\'`);
    expect(parsePythonLiteral(`'a' "b" '''c'''`)).toBe('abc');
    expect(parsePythonLiteral("'''line1\nline2'''")).toBe('line1\nline2');
    expect(parsePythonLiteral("'a\\\nb'")).toBe('ab');
    expect(parsePythonLiteral("u'x'")).toBe('x');
    expect(parsePythonLiteral("'\\ud800'")).toBe('\ud800');
  });

  it('reads ints, floats and signs in every Python spelling', () => {
    const cases: [string, number][] = [
      ['-1', -1],
      ['1_000', 1000],
      ['1.5e-3', 0.0015],
      ['.5', 0.5],
      ['1.', 1],
      ['1_000.5e-1_0', 1.0005e-7],
      ['0x_1f', 31],
      ['0o17', 15],
      ['0b101', 5],
      ['00', 0],
      ['-  7', -7],
      ['+2', 2],
      ['1e+22', 1e22],
    ];
    for (const [text, value] of cases) expect(parsePythonLiteral(text)).toBe(value);
    expect(Object.is(parsePythonLiteral('-0.0'), -0)).toBe(true);
  });

  it('reads tuples as arrays and (x) as x', () => {
    expect(parsePythonLiteral('(1, 2)')).toEqual([1, 2]);
    expect(parsePythonLiteral('(1,)')).toEqual([1]);
    expect(parsePythonLiteral('()')).toEqual([]);
    expect(parsePythonLiteral('(1)')).toBe(1);
  });

  it('turns dict keys into strings as json.dumps does, and keeps __proto__ an own key', () => {
    expect(parsePythonLiteral("{1: 'a', True: 'b', None: 'c', 1.5: 'd', False: 'e'}")).toEqual({
      '1': 'a',
      true: 'b',
      null: 'c',
      '1.5': 'd',
      false: 'e',
    });
    const proto = parsePythonLiteral("{'__proto__': {'polluted': True}}") as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parsePythonLiteral errors', () => {
  const cases: [string, RegExp][] = [
    ['', /column 1: expected a value .* found end of input/],
    ["{'a': 1", /expected ',' or '}', found end of input/],
    ['{1, 2}', /sets like \{1, 2\} are not supported/],
    ["b'abc'", /bytes literals .* not supported/],
    ["f'{x}'", /f-strings/],
    ["'abc", /column 1: expected the closing ' of the string/],
    ["'a\nb'", /column 3: expected the closing ' before the line ends/],
    ['[1 2]', /column 4: expected ',' or '\]', found "2\]"/],
    ['foo', /names such as foo are not literals/],
    ['true', /names such as true are not literals/],
    ['1j', /complex numbers are not supported/],
    ['01', /without leading zeros/],
    ["'\\x4'", /2 hex digits after \\x/],
    ["'\\U00110000'", /code point up to/],
    ["'\\N{EM DASH}'", /named escapes are not supported/],
    ["{'a': 1} extra", /column 10: expected the end of the text after the value, found "extra"/],
    ['1__0', /underscore only between two digits/],
    ['--1', /a number after '-'/],
    ['{[1]: 2}', /column 2: expected a string, number, True, False or None as dict key/],
    ['{1: 2, 3}', /column 9: expected ':'/],
    ['12abc', /a delimiter after the number/],
  ];
  it.each(cases)('rejects %j', (text, message) => {
    expect(() => parsePythonLiteral(text)).toThrow(message);
  });

  it('rejects nesting deeper than 500 levels instead of overflowing the stack', () => {
    expect(() => parsePythonLiteral('['.repeat(600) + ']'.repeat(600))).toThrow(
      /at most 500 levels of nesting/,
    );
  });

  it('says the line, column and offset of a mistake on a later line', () => {
    const error = (() => {
      try {
        parsePythonLiteral("{\n  'a': 1\n  'b': 2}");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PythonLiteralError);
    expect(error).toMatchObject({ line: 3, column: 3, position: 13, expected: "',' or '}'" });
  });
});
