import { PythonLiteralError } from './python-literal-error.js';
import { readNumber } from './python-literal-number.js';
import { readString, stringPrefixLength } from './python-literal-string.js';
import { pythonNumber } from './python-literal-writer.js';

const MAX_DEPTH = 500;
const VALUE = 'a value (dict, list, tuple, string, number, True, False or None)';
const NAMES: Record<string, unknown> = { True: true, False: false, None: null };

/**
 * Reads a Python literal the way `ast.literal_eval` does, strictly: dicts, lists, tuples (as arrays), strings (single,
 * double or triple quotes, `r` raw, escapes, adjacent strings joined), ints (signs, underscores, `0x`/`0o`/`0b`),
 * floats, True, False, None. Sets, bytes, complex numbers and `\N{...}` are rejected; so is anything else.
 * Dict keys become strings the way `json.dumps` writes them (`1` -> `"1"`, `True` -> `"true"`, `None` -> `"null"`).
 * Numbers become JavaScript numbers: ints beyond 2^53 lose precision, as with `JSON.parse`.
 *
 * @throws {PythonLiteralError} naming the line, column and what was expected there.
 */
export function parsePythonLiteral(text: string): unknown {
  const parser = new Parser(text);
  const value = parser.value(0);
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail('the end of the text after the value');
  return value;
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(expected: string, at = this.pos): never {
    throw new PythonLiteralError(this.text, at, expected);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r\f'.includes(this.text[this.pos] as string)) this.pos++;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`at most ${MAX_DEPTH} levels of nesting`);
    this.skipSpace();
    const ch = this.text[this.pos] ?? '';
    if (ch === '{') return this.dict(depth);
    if (ch === '[') return this.sequence(depth, ']');
    if (ch === '(') return this.sequence(depth, ')');
    if (stringPrefixLength(this.text, this.pos) >= 0) return this.strings();
    if (ch === '-' || ch === '+') {
      this.pos++;
      this.skipSpace();
      if (!/[0-9.]/.test(this.text[this.pos] ?? '')) this.fail(`a number after '${ch}'`);
      const n = this.number();
      return ch === '-' ? -n : n;
    }
    if (/[0-9.]/.test(ch)) return this.number();
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 64))?.[0];
    if (name !== undefined && name in NAMES) {
      this.pos += name.length;
      return NAMES[name];
    }
    if (ch === '') return this.fail(VALUE);
    return this.fail(name === undefined ? VALUE : `${VALUE}; names such as ${name} are not literals`);
  }

  private number(): number {
    const { value, end } = readNumber(this.text, this.pos);
    this.pos = end;
    return value;
  }

  private strings(): string {
    let out = '';
    do {
      const { value, end } = readString(this.text, this.pos);
      out += value;
      this.pos = end;
      this.skipSpace();
    } while (stringPrefixLength(this.text, this.pos) >= 0);
    return out;
  }

  /** A list `[...]`, or a tuple `(a, b)` / `(a,)` / `()`; `(a)` is just `a`. */
  private sequence(depth: number, close: ']' | ')'): unknown {
    const items: unknown[] = [];
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) break;
      items.push(this.value(depth + 1));
      this.skipSpace();
      if (close === ')' && items.length === 1 && this.text[this.pos] === ')') {
        this.pos++;
        return items[0];
      }
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) this.fail(`',' or '${close}'`);
    }
    this.pos++;
    return items;
  }

  private dict(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '}') break;
      const keyAt = this.pos;
      const key = this.value(depth + 1);
      this.skipSpace();
      if (this.text[this.pos] !== ':') {
        const isSet = this.text[this.pos] === ',' || this.text[this.pos] === '}';
        this.fail(
          isSet && Object.keys(out).length === 0
            ? "':' (sets like {1, 2} are not supported: use a list)"
            : "':'",
        );
      }
      this.pos++;
      Object.defineProperty(
        out,
        keyString(key, () => this.fail('a string, number, True, False or None as dict key', keyAt)),
        {
          value: this.value(depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        },
      );
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') this.fail("',' or '}'");
    }
    this.pos++;
    return out;
  }
}

/** A dict key as `json.dumps` would write it. */
function keyString(key: unknown, fail: () => never): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number')
    return Number.isInteger(key) && !Object.is(key, -0) ? BigInt(key).toString() : pythonNumber(key);
  if (key === true) return 'true';
  if (key === false) return 'false';
  if (key === null) return 'null';
  return fail();
}
