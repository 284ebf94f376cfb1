import type { Output } from './output.js';

/** Prints rows under a bold header, columns padded to their widest cell. */
export function printTable(out: Output, headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  out.line(out.style.bold(pad(headers)));
  for (const row of rows) out.line(pad(row));
}

/** An API time (ISO 8601) as `YYYY-MM-DD HH:MM:SS` (UTC), or `-` when there is none. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** The bytes as text when they are UTF-8 without control characters (other than tabs and newlines), else null. */
export function bytesAsText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
}

/** Machine output: one JSON document on stdout. */
export function printJson(out: Output, value: unknown): void {
  out.line(JSON.stringify(value, null, 2));
}

/** Text that may end in a newline, printed without adding a blank line. */
export function printText(out: Output, text: string): void {
  if (text === '') return;
  out.line(text.endsWith('\n') ? text.slice(0, -1) : text);
}
