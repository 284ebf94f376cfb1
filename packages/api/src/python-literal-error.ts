/** Text that is not a Python literal this parser reads: where it went wrong, and what was expected there. */
export class PythonLiteralError extends Error {
  override readonly name = 'PythonLiteralError';
  /** 0-based offset into the text, in UTF-16 code units. */
  readonly position: number;
  /** 1-based line and column of `position`. */
  readonly line: number;
  readonly column: number;
  /** What the parser wanted at `position`, e.g. `',' or '}'`. */
  readonly expected: string;

  constructor(text: string, position: number, expected: string, options?: { cause?: unknown }) {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - (before.lastIndexOf('\n') + 1) + 1;
    super(
      `invalid Python literal at line ${line}, column ${column}: expected ${expected}, found ${found(text, position)}`,
      options,
    );
    this.position = position;
    this.line = line;
    this.column = column;
    this.expected = expected;
  }
}

function found(text: string, position: number): string {
  if (position >= text.length) return 'end of input';
  const snippet = text.slice(position, position + 12);
  return `${JSON.stringify(snippet)}${position + 12 < text.length ? '...' : ''}`;
}
