import { useState } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { ErrorNote } from '../parts/bits.js';
import { ResultView } from '../parts/results.js';
import { decodeResult, type DecodedResult } from '../lib/decode-result.js';
import { formatBytes } from '../lib/format.js';
import { actorHref, go } from '../lib/route.js';
import type { StateWitness } from '../lib/tracker.js';

type Kind = 'text' | 'json' | 'binary';

/** Query parameters the service reads itself: they cannot be environment variables. */
const RESERVED_ENV = ['message', 'x-nonce', '_abaco_synchronous'];

interface EnvRow {
  key: string;
  value: string;
}

/** Where a JSON text is wrong, as the browser's parser says it. */
export function jsonProblem(source: string): string | null {
  if (!source.trim()) return 'Write a JSON value, e.g. {"name": "ada"}.';
  try {
    JSON.parse(source);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export function envProblem(rows: EnvRow[]): string | null {
  const seen = new Set<string>();
  for (const { key } of rows) {
    const k = key.trim();
    if (!k) return 'Every variable needs a name (or remove the row).';
    if (RESERVED_ENV.includes(k)) return `"${k}" is read by the service itself and cannot be a variable.`;
    if (seen.has(k)) return `"${k}" is given twice.`;
    seen.add(k);
  }
  return null;
}

export function SendTab({ actorId, stateful }: { actorId: string; stateful: boolean }) {
  const { client, tracker } = useApp();
  const [kind, setKind] = useState<Kind>('json');
  const [textBody, setTextBody] = useState('');
  const [jsonBody, setJsonBody] = useState('{\n  \n}');
  const [file, setFile] = useState<File | null>(null);
  const [env, setEnv] = useState<EnvRow[]>([]);
  const [sync, setSync] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [syncAnswer, setSyncAnswer] = useState<{ executionId: string | null; result: DecodedResult } | null>(
    null,
  );

  const jsonError = kind === 'json' ? jsonProblem(jsonBody) : null;
  const envError = envProblem(env);
  const bodyError =
    kind === 'binary' && !file
      ? 'Choose a file to send as a binary message.'
      : kind === 'json'
        ? jsonError
        : null;
  const blocked = Boolean(bodyError || envError) || busy;

  const send = async (e: Event) => {
    e.preventDefault();
    if (blocked) return;
    setBusy(true);
    setError(null);
    setSyncAnswer(null);
    try {
      const environment = Object.fromEntries(env.map((r) => [r.key.trim(), r.value]));
      // The state before the message, to show the change it makes (as `actorkit dev` does).
      let before: StateWitness | null = null;
      if (stateful) {
        try {
          before = { before: (await client.getState(actorId)).state, beforeAt: 'sent' };
        } catch (cause) {
          void cause; // no state to compare with: the change is not shown
        }
      }
      const body =
        kind === 'binary'
          ? new Uint8Array(await file!.arrayBuffer())
          : kind === 'json'
            ? (JSON.parse(jsonBody) as unknown)
            : textBody;
      if (sync) {
        const answer = await client.sendSynchronousMessage(
          actorId,
          body as Parameters<typeof client.sendSynchronousMessage>[1],
          environment,
        );
        const result = decodeResult(answer.body);
        setSyncAnswer({ executionId: answer.executionId, result });
        if (answer.executionId) {
          tracker.follow(actorId, answer.executionId, { sentByPage: true, stateful, before });
          tracker.addResult(actorId, answer.executionId, answer.body);
        }
        return;
      }
      const { executionId } =
        body instanceof Uint8Array
          ? await client.sendBinaryMessage(actorId, body, environment)
          : await client.sendMessage(actorId, body as Parameters<typeof client.sendMessage>[1], environment);
      tracker.follow(actorId, executionId, { sentByPage: true, stateful, before });
      go(actorHref(actorId, 'executions', executionId));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="send card" onSubmit={send} aria-labelledby="send-title">
      <h2 id="send-title">Send a message</h2>
      <fieldset class="kinds">
        <legend>Kind</legend>
        {(
          [
            ['json', 'JSON (application/json)'],
            ['text', 'Text (str)'],
            ['binary', 'Binary file (application/octet-stream)'],
          ] as const
        ).map(([k, label]) => (
          <label key={k} class="radio">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {label}
          </label>
        ))}
      </fieldset>
      {kind === 'json' ? (
        <div class="body-field">
          <label for="json-body">Message (JSON)</label>
          <textarea
            id="json-body"
            rows={8}
            spellcheck={false}
            class="mono"
            value={jsonBody}
            aria-invalid={jsonError ? 'true' : 'false'}
            aria-describedby="json-error"
            onInput={(e) => setJsonBody(e.currentTarget.value)}
          />
          <p id="json-error" class={jsonError ? 'error' : 'ok'} aria-live="polite">
            {jsonError ?? 'Valid JSON.'}
          </p>
        </div>
      ) : null}
      {kind === 'text' ? (
        <div class="body-field">
          <label for="text-body">Message (text)</label>
          <textarea
            id="text-body"
            rows={8}
            value={textBody}
            onInput={(e) => setTextBody(e.currentTarget.value)}
          />
          <p class="muted">
            Sent as the form field <code>message</code>; the actor reads it from MSG.
          </p>
        </div>
      ) : null}
      {kind === 'binary' ? (
        <div class="body-field">
          <label for="file-body">File</label>
          <input id="file-body" type="file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          <p class={file ? 'muted' : 'error'}>
            {file ? `${file.name}: ${formatBytes(file.size)}` : bodyError}
          </p>
        </div>
      ) : null}
      <fieldset class="env">
        <legend>Environment variables of this execution</legend>
        {env.map((row, i) => (
          <div class="env-row" key={i}>
            <input
              aria-label={`variable ${i + 1} name`}
              placeholder="NAME"
              class="mono"
              value={row.key}
              onInput={(e) => {
                const key = e.currentTarget.value;
                setEnv((rows) => rows.map((r, j) => (j === i ? { ...r, key } : r)));
              }}
            />
            <input
              aria-label={`variable ${i + 1} value`}
              placeholder="value"
              value={row.value}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setEnv((rows) => rows.map((r, j) => (j === i ? { ...r, value } : r)));
              }}
            />
            <button
              type="button"
              class="small"
              onClick={() => setEnv((rows) => rows.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          class="small"
          onClick={() => setEnv((rows) => [...rows, { key: '', value: '' }])}
        >
          Add a variable
        </button>
        {envError ? <p class="error">{envError}</p> : null}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={sync} onChange={(e) => setSync(e.currentTarget.checked)} />{' '}
        Synchronous: wait for the first result (<code>_abaco_synchronous=true</code>)
      </label>
      <div class="buttons">
        <button type="submit" class="primary" disabled={blocked} id="send-button">
          {busy ? (sync ? 'Waiting for the result…' : 'Sending…') : 'Send'}
        </button>
      </div>
      <ErrorNote error={error} />
      {syncAnswer ? (
        <div class="sync-answer">
          <ResultView result={syncAnswer.result} index={0} />
          {syncAnswer.executionId ? (
            <a href={actorHref(actorId, 'executions', syncAnswer.executionId)}>
              Open execution {syncAnswer.executionId}
            </a>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
