import { PythonLiteralError } from './python-literal-error.js';

const PREFIX = /^(?:r|u|b|br|rb|f|fr|rf)$/i;
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** The length of a string prefix (`r`, `u`, `b`, `rb`, ...) at `pos` when a quote follows it, else -1. */
export function stringPrefixLength(text: string, pos: number): number {
  const match = /^[A-Za-z]{0,2}(?=['"])/.exec(text.slice(pos, pos + 3));
  if (!match) return -1;
  return match[0] === '' || PREFIX.test(match[0]) ? match[0].length : -1;
}

/** Reads one string literal (prefix, quotes, escapes) starting at `pos`; answers its value and where it ends. */
export function readString(text: string, pos: number): { value: string; end: number } {
  const prefixLength = stringPrefixLength(text, pos);
  const prefix = text.slice(pos, pos + prefixLength).toLowerCase();
  if (prefix.includes('b')) {
    throw new PythonLiteralError(
      text,
      pos,
      "a str literal (bytes literals like b'...' are not supported: send text, or send the bytes as a binary message)",
    );
  }
  if (prefix.includes('f'))
    throw new PythonLiteralError(text, pos, 'a plain string literal (f-strings are code, not literals)');
  const raw = prefix.includes('r');
  let i = pos + prefixLength;
  const q = text[i] as string;
  const triple = text.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  const start = i;
  i += close.length;
  let value = '';
  for (;;) {
    if (i >= text.length)
      throw new PythonLiteralError(text, start, `the closing ${close} of the string that starts here`);
    if (text.startsWith(close, i)) return { value, end: i + close.length };
    const ch = text[i] as string;
    if ((ch === '\n' || ch === '\r') && !triple) {
      throw new PythonLiteralError(
        text,
        i,
        `the closing ${close} before the line ends (use \\n, or triple quotes for multi-line text)`,
      );
    }
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    if (i + 1 >= text.length)
      throw new PythonLiteralError(text, start, `the closing ${close} of the string that starts here`);
    if (raw) {
      value += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    const escaped = readEscape(text, i);
    value += escaped.value;
    i = escaped.end;
  }
}

/** One backslash escape at `pos` (which holds the backslash), as Python reads it in a str literal. */
function readEscape(text: string, pos: number): { value: string; end: number } {
  const c = text[pos + 1] as string;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { value: simple, end: pos + 2 };
  if (c === '\n') return { value: '', end: pos + 2 };
  if (c === '\r') return { value: '', end: text[pos + 2] === '\n' ? pos + 3 : pos + 2 };
  if (c >= '0' && c <= '7') {
    const digits = /^[0-7]{1,3}/.exec(text.slice(pos + 1, pos + 4))?.[0] ?? c;
    return { value: String.fromCodePoint(parseInt(digits, 8)), end: pos + 1 + digits.length };
  }
  const width = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (width > 0) {
    const digits = text.slice(pos + 2, pos + 2 + width);
    if (!new RegExp(`^[0-9A-Fa-f]{${width}}$`).test(digits)) {
      throw new PythonLiteralError(text, pos, `${width} hex digits after \\${c}`);
    }
    const code = parseInt(digits, 16);
    if (code > 0x10ffff) throw new PythonLiteralError(text, pos, 'a code point up to \\U0010ffff');
    return { value: String.fromCodePoint(code), end: pos + 2 + width };
  }
  if (c === 'N') {
    throw new PythonLiteralError(
      text,
      pos,
      'an escape other than \\N{...} (named escapes are not supported: write the character itself or \\uNNNN)',
    );
  }
  // Python keeps an unknown escape as it is, backslash included.
  return { value: `\\${c}`, end: pos + 2 };
}
