import { toPythonLiteral } from '@actorkit/api';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Python's repr of a float written in JSON as `lexeme` (json.loads makes a float of anything with `.` or `e`). */
function pythonFloat(lexeme: string): string {
  const value = Number(lexeme);
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (!Number.isInteger(value) || Object.is(value, -0)) return toPythonLiteral(value);
  return Math.abs(value) < 1e16 ? `${value}.0` : value.toExponential(); // 1.0, 1e+16: as repr writes them
}

/** Reads one JSON text, writing Python's repr of what `json.loads` makes of it. */
class JsonToPython {
  private pos = 0;
  constructor(private readonly text: string) {}

  run(): string {
    const out = this.value();
    this.skip();
    if (this.pos !== this.text.length) throw new SyntaxError(`unexpected text at ${this.pos}`);
    return out;
  }

  private skip(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private value(): string {
    this.skip();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return toPythonLiteral(this.string());
    for (const [word, python] of [
      ['true', 'True'],
      ['false', 'False'],
      ['null', 'None'],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return python;
      }
    }
    NUMBER.lastIndex = this.pos;
    const lexeme = NUMBER.exec(this.text)?.[0];
    if (!lexeme) throw new SyntaxError(`unexpected ${c ?? 'end'} at ${this.pos}`);
    this.pos += lexeme.length;
    return /[.eE]/.test(lexeme) ? pythonFloat(lexeme) : BigInt(lexeme).toString(); // ints keep every digit
  }

  private string(): string {
    let end = this.pos + 1;
    while (end < this.text.length && this.text[end] !== '"') end += this.text[end] === '\\' ? 2 : 1;
    const decoded = JSON.parse(this.text.slice(this.pos, end + 1)) as string;
    this.pos = end + 1;
    return decoded;
  }

  /** A Python dict: a repeated key keeps its first place and takes the last value. */
  private object(): string {
    const entries = new Map<string, string>();
    this.items('}', () => {
      this.skip();
      const key = this.string();
      this.skip();
      this.expect(':');
      entries.set(key, this.value());
    });
    return `{${[...entries].map(([k, v]) => `${toPythonLiteral(k)}: ${v}`).join(', ')}}`;
  }

  private array(): string {
    const items: string[] = [];
    this.items(']', () => items.push(this.value()));
    return `[${items.join(', ')}]`;
  }

  private items(close: string, item: () => void): void {
    this.pos += 1;
    this.skip();
    if (this.text[this.pos] === close) {
      this.pos += 1;
      return;
    }
    for (;;) {
      item();
      this.skip();
      if (this.text[this.pos] === close) break;
      this.expect(',');
    }
    this.pos += 1;
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) throw new SyntaxError(`expected ${char} at ${this.pos}`);
    this.pos += 1;
  }
}

/**
 * The Python literal the real service puts in `MSG` for a JSON message: `repr(json.loads(text))`, from the text as
 * sent, so that what JavaScript's JSON.parse would lose survives: `1.0` stays a float, big ints keep every digit, and
 * keys keep their order (JavaScript puts integer-like keys first). `text` must be valid JSON.
 */
export function jsonTextToPython(text: string): string {
  return new JsonToPython(text).run();
}
