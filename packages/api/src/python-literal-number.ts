import { PythonLiteralError } from './python-literal-error.js';

const DEC = /[0-9]/;
const RADIX: Record<string, { digit: RegExp; base: string }> = {
  x: { digit: /[0-9A-Fa-f]/, base: '0x' },
  o: { digit: /[0-7]/, base: '0o' },
  b: { digit: /[01]/, base: '0b' },
};

/** Reads a Python int or float literal (underscores, `0x`/`0o`/`0b`, exponents) at `pos`, sign excluded. */
export function readNumber(text: string, pos: number): { value: number; end: number } {
  const radix = text[pos] === '0' ? RADIX[(text[pos + 1] ?? '').toLowerCase()] : undefined;
  if (radix) {
    let i = pos + 2;
    if (text[i] === '_') i++;
    const part = digitPart(text, i, radix.digit);
    if (part.digits === '') throw new PythonLiteralError(text, i, `a digit after ${radix.base}`);
    return { value: Number(BigInt(radix.base + part.digits)), end: finish(text, part.end) };
  }
  const whole = digitPart(text, pos, DEC);
  let i = whole.end;
  let literal = whole.digits;
  let isFloat = false;
  if (text[i] === '.') {
    const frac = digitPart(text, i + 1, DEC);
    if (whole.digits === '' && frac.digits === '') throw new PythonLiteralError(text, pos, 'a number');
    literal += `.${frac.digits}`;
    i = frac.end;
    isFloat = true;
  }
  if (literal !== '' && (text[i] === 'e' || text[i] === 'E')) {
    let j = i + 1;
    const sign = text[j] === '+' || text[j] === '-' ? (text[j++] as string) : '';
    const exp = digitPart(text, j, DEC);
    if (exp.digits === '') throw new PythonLiteralError(text, j, 'the digits of the exponent');
    literal += `e${sign}${exp.digits}`;
    i = exp.end;
    isFloat = true;
  }
  if (literal === '') throw new PythonLiteralError(text, pos, 'a number');
  if (!isFloat && /^0+[1-9]/.test(literal)) {
    throw new PythonLiteralError(text, pos, 'a decimal integer without leading zeros (write 0o17 for octal)');
  }
  return { value: Number(literal.startsWith('.') ? `0${literal}` : literal), end: finish(text, i) };
}

/** digit (['_'] digit)*, answered without the underscores. */
function digitPart(text: string, pos: number, digit: RegExp): { digits: string; end: number } {
  let i = pos;
  let digits = '';
  while (i < text.length) {
    const ch = text[i] as string;
    if (digit.test(ch)) {
      digits += ch;
      i++;
    } else if (ch === '_' && digits !== '' && digit.test(text[i + 1] ?? '')) {
      i++;
    } else if (ch === '_') {
      throw new PythonLiteralError(text, i, 'an underscore only between two digits');
    } else {
      break;
    }
  }
  return { digits, end: i };
}

/** A number must not run into a name: `1j` (complex) and `12abc` are errors. */
function finish(text: string, end: number): number {
  const next = text[end] ?? '';
  if (next === 'j' || next === 'J') {
    throw new PythonLiteralError(text, end, 'a real number (complex numbers are not supported)');
  }
  if (/[A-Za-z0-9_.]/.test(next)) throw new PythonLiteralError(text, end, 'a delimiter after the number');
  return end;
}
