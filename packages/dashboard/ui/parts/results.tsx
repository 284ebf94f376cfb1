import type { DecodedResult } from '../lib/decode-result.js';
import { formatBytes } from '../lib/format.js';
import { formatChange, type StateChange } from '../lib/state-diff.js';

export function ResultView({ result, index }: { result: DecodedResult; index: number }) {
  const head = (what: string) => (
    <div class="result-head">
      result {index + 1} · {what} · {formatBytes(result.size)}
    </div>
  );
  switch (result.kind) {
    case 'empty':
      return <div class="result">{head('empty')}</div>;
    case 'json':
      return (
        <div class="result" data-kind="json">
          {head('JSON')}
          <pre>{result.pretty}</pre>
        </div>
      );
    case 'text':
      return (
        <div class="result" data-kind="text">
          {head('text')}
          <pre>{result.text}</pre>
        </div>
      );
    case 'pickle':
      return (
        <div class="result" data-kind="pickle">
          {head(`Python pickle, protocol ${result.protocol} (read it with pickle.loads)`)}
          <pre>{result.hex}</pre>
        </div>
      );
    case 'bytes':
      return (
        <div class="result" data-kind="bytes">
          {head('bytes')}
          <pre>{result.hex}</pre>
        </div>
      );
  }
}

/** A state change, written as `actorkit dev` writes it. */
export function DiffView({ changes }: { changes: StateChange[] }) {
  if (!changes.length) return <p class="empty">The state did not change.</p>;
  return (
    <pre class="diff" data-testid="state-diff">
      {changes.map((c) => (
        <span class={`diff-${c.op}`} key={c.path}>
          {formatChange(c)}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
