/**
 * Writes a JSON value as Python's `repr` of the same value decoded by `json.loads`: how the real service puts a JSON
 * message into `MSG` and the state into `_abaco_actor_state` (`{'k': 'v', 'ok': True, 'n': None}`).
 *
 * JavaScript cannot tell `1` from `1.0` once JSON is parsed: a number is written as Python would write
 * `json.loads(JSON.stringify(n))`, so integral numbers are ints (`3`, `10000000000000000`) unless JavaScript writes them
 * with an exponent (`1e+22`), and the others are floats as Python's `repr` writes them (`0.5`, `1e-05`, `1.5e+300`). `-0` is written `-0.0` so that it reads back as `-0`.
 * Object keys keep JavaScript's order (integer-like keys first), which may differ from the order of the JSON text.
 */
export function toPythonLiteral(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'number') return pythonNumber(value, path);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(write(value[i], `${path}[${i}]`));
    return `[${items.join(', ')}]`;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${pythonString(k)}: ${write(v, `${path}.${k}`)}`);
    return `{${entries.join(', ')}}`;
  }
  const kind =
    value === undefined ? 'undefined' : typeof value === 'object' ? value.constructor?.name : typeof value;
  throw new TypeError(`cannot write ${kind} at ${path} as a Python literal: only JSON values are supported`);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Python's `repr(float)` / `repr(int)` for a JavaScript number. */
export function pythonNumber(n: number, path = '$'): string {
  if (!Number.isFinite(n)) {
    throw new TypeError(`cannot write ${n} at ${path} as a Python literal: JSON has no NaN or Infinity`);
  }
  if (Object.is(n, -0)) return '-0.0';
  // An integral number is an int when JSON.stringify writes it without an exponent (as json.loads would read it).
  if (Number.isInteger(n) && !String(n).includes('e')) return String(n);
  // toExponential() gives the shortest digits that read back as the same double, as Python's repr does.
  const [mantissa = '', exp = '0'] = n.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const decpt = Number(exp) + 1; // value = 0.<digits> * 10^decpt
  let text: string;
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    text = `${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  } else if (decpt <= 0) {
    text = `0.${'0'.repeat(-decpt)}${digits}`;
  } else if (decpt >= digits.length) {
    text = `${digits}${'0'.repeat(decpt - digits.length)}.0`;
  } else {
    text = `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  return negative ? `-${text}` : text;
}

const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** Python's `repr(str)`: single quotes unless the text holds a single quote and no double quote. */
export function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f) out += ch;
    else if (!NOT_PRINTABLE.test(ch)) out += ch;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
