/**
 * Python's `int()` and `float()` on a query string, which is what the service applies to search parameters. They are
 * stricter than JavaScript's `Number()` in some ways (`''`, `0x10` are not numbers) and looser in others (`1_000`,
 * surrounding spaces, `inf`, `nan`).
 */
const DIGITS = String.raw`\d(?:_?\d)*`;
const PY_INT = new RegExp(String.raw`^\s*[+-]?${DIGITS}\s*$`);
const PY_FLOAT = new RegExp(
  String.raw`^\s*[+-]?(?:(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf(?:inity)?|nan)\s*$`,
  'i',
);

export function parsePyInt(text: string): number | null {
  return PY_INT.test(text) ? Number(text.replace(/_/g, '').trim()) : null;
}

export function parsePyFloat(text: string): number | null {
  if (!PY_FLOAT.test(text)) return null;
  const t = text.replace(/_/g, '').trim().toLowerCase();
  const sign = t.startsWith('-') ? -1 : 1;
  const bare = t.replace(/^[+-]/, '');
  if (bare === 'nan') return NaN;
  if (bare === 'inf' || bare === 'infinity') return sign * Infinity;
  return Number(t);
}
