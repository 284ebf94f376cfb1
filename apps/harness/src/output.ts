/**
 * Everything the CLI shows the user goes through here: one place for wording, colour and streams. Colour only when
 * the stream is a terminal and NO_COLOR is not set.
 */
export interface Output {
  /** A plain line on stdout. */
  line(text?: string): void;
  /** A heading, bold on a terminal. */
  heading(text: string): void;
  /** A label and its value, aligned. */
  field(label: string, value: string): void;
  /** Something that went well (green tick on a terminal). */
  ok(text: string): void;
  /** A warning on stderr. */
  warn(text: string): void;
  /** An error on stderr: what happened and how to fix it. */
  error(text: string): void;
  /** Dimmed, for hints. */
  hint(text: string): void;
  /** Code or a command, cyan on a terminal. */
  code(text: string): string;
  /** Colours for composed lines (the dev loop's view); plain text off a terminal. */
  style: Style;
}

/** Text colours that are no-ops when the stream is not a terminal. */
export interface Style {
  dim(s: string): string;
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

export interface OutputStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

export function createOutput(
  streams: OutputStreams = { stdout: process.stdout, stderr: process.stderr },
): Output {
  const env = streams.env ?? process.env;
  const colour = (tty: boolean | undefined) => Boolean(tty) && !env['NO_COLOR'] && env['TERM'] !== 'dumb';
  const onOut = colour(streams.stdout.isTTY);
  const onErr = colour(streams.stderr.isTTY);
  const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out = (text: string) => void streams.stdout.write(`${text}\n`);
  const err = (text: string) => void streams.stderr.write(`${text}\n`);
  return {
    line: (text = '') => out(text),
    heading: (text) => out(paint(onOut, 1, text)),
    field: (label, value) => out(`  ${paint(onOut, 2, `${label}:`.padEnd(12))} ${value}`),
    ok: (text) => out(`${paint(onOut, 32, '✔')} ${text}`),
    warn: (text) => err(`${paint(onErr, 33, 'warning:')} ${text}`),
    error: (text) => err(`${paint(onErr, 31, 'error:')} ${text}`),
    hint: (text) => out(paint(onOut, 2, text)),
    code: (text) => paint(onOut, 36, text),
    style: {
      dim: (t) => paint(onOut, 2, t),
      bold: (t) => paint(onOut, 1, t),
      red: (t) => paint(onOut, 31, t),
      green: (t) => paint(onOut, 32, t),
      yellow: (t) => paint(onOut, 33, t),
      cyan: (t) => paint(onOut, 36, t),
    },
  };
}
