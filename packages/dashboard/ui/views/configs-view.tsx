import { useState } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { ActionButton, Empty, ErrorNote } from '../parts/bits.js';
import { optionalMethod } from '../lib/api.js';
import { isRecord, list, text } from '../lib/loose.js';
import { usePoll } from '../lib/poll.js';

/** Configs: values the service hands to the actors they name (`_actor_configs`), secrets encrypted at rest. */
export function ConfigsView() {
  const { client, confirm } = useApp();
  const listConfigs = optionalMethod<[], unknown>(client, 'listConfigs');
  const addConfig = optionalMethod<[Record<string, unknown>], unknown>(client, 'addConfig');
  const deleteConfig = optionalMethod<[string], unknown>(client, 'deleteConfig');
  const configs = usePoll(async () => (listConfigs ? list(await listConfigs()).filter(isRecord) : []), 5000, [
    client,
  ]);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [actors, setActors] = useState('');
  const [secret, setSecret] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!listConfigs) {
    return (
      <section>
        <h1>Configs</h1>
        <Empty>This build of the client has no config methods.</Empty>
      </section>
    );
  }
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await addConfig?.({ name: name.trim(), value, actors, isSecret: secret });
      setName('');
      setValue('');
      configs.refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="configs-title">
      <h1 id="configs-title">Configs</h1>
      <ErrorNote error={configs.error} />
      {configs.data && !configs.data.length ? <Empty>No configs.</Empty> : null}
      {configs.data && configs.data.length ? (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Actors</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {configs.data.map((c) => {
              const n = text(c.name);
              return (
                <tr key={n}>
                  <th scope="row" class="mono">
                    {n}
                  </th>
                  <td class="mono wrap">
                    {c.isSecret === true ? (
                      <span class="muted">secret (encrypted)</span>
                    ) : (
                      text(c.value, JSON.stringify(c.value))
                    )}
                  </td>
                  <td class="mono wrap">{text(c.actors, '—')}</td>
                  <td>
                    {deleteConfig ? (
                      <ActionButton
                        kind="small"
                        onClick={async () => {
                          const ok = await confirm({
                            title: `Delete config ${n}?`,
                            body: 'Executions that start from now on no longer get it.',
                            action: 'Delete config',
                          });
                          if (ok) {
                            await deleteConfig(n);
                            configs.refresh();
                          }
                        }}
                      >
                        Delete
                      </ActionButton>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {addConfig ? (
        <form class="inline-form" onSubmit={add} aria-label="add a config">
          <label>
            Name <input value={name} onInput={(e) => setName(e.currentTarget.value)} class="mono" />
          </label>
          <label>
            Value <input value={value} onInput={(e) => setValue(e.currentTarget.value)} />
          </label>
          <label>
            Actors{' '}
            <input
              value={actors}
              onInput={(e) => setActors(e.currentTarget.value)}
              placeholder="ids or aliases, comma-separated"
            />
          </label>
          <label class="check">
            <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.currentTarget.checked)} />{' '}
            secret
          </label>
          <button type="submit" disabled={!name.trim()}>
            Add config
          </button>
        </form>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}
