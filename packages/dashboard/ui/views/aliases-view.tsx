import { useState } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { ActionButton, Empty, ErrorNote } from '../parts/bits.js';
import { usePoll } from '../lib/poll.js';
import { actorHref } from '../lib/route.js';

export function AliasesView() {
  const { client, confirm } = useApp();
  const aliases = usePoll(() => client.listAliases(), 5000, [client]);
  const actors = usePoll(() => client.list(), 10_000, [client]);
  const [alias, setAlias] = useState('');
  const [actorId, setActorId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await client.addAlias({ alias: alias.trim(), actorId });
      setAlias('');
      aliases.refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="aliases-title">
      <h1 id="aliases-title">Aliases</h1>
      <ErrorNote error={aliases.error} />
      {aliases.data && !aliases.data.length ? <Empty>No aliases.</Empty> : null}
      {aliases.data && aliases.data.length ? (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">Alias</th>
              <th scope="col">Actor</th>
              <th scope="col">Owner</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {aliases.data.map((a) => (
              <tr key={a.alias}>
                <th scope="row" class="mono">
                  {a.alias}
                </th>
                <td>
                  <a href={actorHref(a.actorId)} class="mono">
                    {a.actorId}
                  </a>
                </td>
                <td>{a.owner || '—'}</td>
                <td>
                  <ActionButton
                    kind="small"
                    onClick={async () => {
                      const ok = await confirm({
                        title: `Delete alias ${a.alias}?`,
                        body: 'Clients that use the alias get 404 from now on; the actor is kept.',
                        action: 'Delete alias',
                      });
                      if (ok) {
                        await client.deleteAlias(a.alias);
                        aliases.refresh();
                      }
                    }}
                  >
                    Delete
                  </ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form class="inline-form" onSubmit={add} aria-label="add an alias">
        <label>
          Alias <input value={alias} onInput={(e) => setAlias(e.currentTarget.value)} class="mono" />
        </label>
        <label>
          Actor{' '}
          <select value={actorId} onChange={(e) => setActorId(e.currentTarget.value)}>
            <option value="">choose…</option>
            {(actors.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name ? `${a.name} (${a.id})` : a.id}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!alias.trim() || !actorId}>
          Add alias
        </button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}
