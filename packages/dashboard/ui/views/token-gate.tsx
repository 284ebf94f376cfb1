import { useState } from 'preact/hooks';
import { clientFor, errorText, isUnauthorized } from '../lib/api.js';

/** Without a token the page asks for one: the one `actorkit up` printed (also in `<data-dir>/token`). */
export function TokenGate({ onToken, reason }: { onToken: (token: string) => void; reason: string | null }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const token = value.trim();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      await clientFor(token).list(1);
      onToken(token);
    } catch (err) {
      setError(isUnauthorized(err) ? 'This emulator does not know that token.' : errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="gate" id="main">
      <form onSubmit={submit} class="card">
        <h1>ActorKit dashboard</h1>
        <p>
          Paste the token <code>actorkit up</code> printed (it is also in <code>.actorkit/token</code>), or
          open the link it printed, which carries it.
        </p>
        {reason ? (
          <p class="error" role="alert">
            {reason}
          </p>
        ) : null}
        <label for="token">Token</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
          autoFocus
        />
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={busy || !value.trim()}>
          Open
        </button>
        <p class="muted">The token is kept for this tab only and is never put in a URL the server sees.</p>
      </form>
    </main>
  );
}
