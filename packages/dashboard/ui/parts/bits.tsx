import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorText } from '../lib/api.js';

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const s = status || 'UNKNOWN';
  return <span class={`badge st-${s.replace(/[^A-Z_]/gi, '_')}`}>{s}</span>;
}

export function ErrorNote({ error, prefix }: { error: unknown; prefix?: string }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {prefix ? `${prefix}: ` : ''}
      {errorText(error)}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** A label and its value, in a definition list. */
export function Field({
  label,
  children,
  wide,
  span,
}: {
  label: string;
  children: ComponentChildren;
  /** The whole row. */
  wide?: boolean;
  /** Two columns, for long values such as image names. */
  span?: boolean;
}) {
  return (
    <div class={wide ? 'field wide' : span ? 'field span' : 'field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Copies text to the clipboard, saying so; where the clipboard is refused, selects the text to copy by hand. */
export function CopyButton({ text, label = 'Copy', id }: { text: string; label?: string; id?: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch (cause) {
      void cause; // no clipboard permission: the text stays visible beside the button
      setDone('failed');
    }
    setTimeout(() => setDone(null), 2000);
  };
  return (
    <button type="button" class="small" id={id} onClick={copy} aria-live="polite">
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Select and copy' : label}
    </button>
  );
}

/** A button that runs an async action once at a time, showing its error beside it. */
export function ActionButton({
  onClick,
  children,
  kind,
  disabled,
  title,
}: {
  onClick: () => Promise<unknown>;
  children: ComponentChildren;
  kind?: 'danger' | 'primary' | 'small';
  disabled?: boolean;
  title?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onClick();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="action">
      <button type="button" class={kind ?? ''} disabled={disabled || busy} onClick={run} title={title}>
        {children}
      </button>
      {error ? (
        <span class="error inline" role="alert">
          {errorText(error)}
        </span>
      ) : null}
    </span>
  );
}

export function Json({ value }: { value: unknown }) {
  return <pre class="json">{value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>;
}
