/**
 * The one place the benchmark and fault scripts print: plain lines, headings and aligned tables on stdout, so their
 * output reads the same in a terminal, in CI logs and when captured for docs/benchmarks.md.
 */

export type Cell = string | number;

function cell(value: Cell): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** Numbers as people read them: integers as is, others to at most two decimals (three under 1). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 1 ? value.toFixed(3) : value.toFixed(2);
}

/** Lays a table out as aligned text; numbers are right-aligned. */
export function renderTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

/** Lays a table out as Markdown. */
export function markdownTable(headers: string[], rows: Cell[][]): string {
  const line = (values: string[]) => `| ${values.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map((r) => line(r.map(cell)))].join('\n');
}

export const out = {
  line(text = ''): void {
    process.stdout.write(`${text}\n`);
  },
  heading(text: string): void {
    process.stdout.write(`\n== ${text}\n`);
  },
  /** Progress that is worth seeing while a long run goes on. */
  step(text: string): void {
    process.stdout.write(`  .. ${text}\n`);
  },
  table(headers: string[], rows: Cell[][]): void {
    process.stdout.write(`${renderTable(headers, rows)}\n`);
  },
  error(text: string): void {
    process.stderr.write(`${text}\n`);
  },
};
