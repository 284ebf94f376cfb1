import { PERMISSION_LEVELS } from '@actorkit/api';
import { useState } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { ActionButton, Empty, ErrorNote } from '../parts/bits.js';
import { permissionEntries } from '../lib/loose.js';
import { usePoll } from '../lib/poll.js';

export function PermissionsTab({ actorId }: { actorId: string }) {
  const { client, confirm } = useApp();
  const perms = usePoll(async () => permissionEntries(await client.getPermissions(actorId)), 5000, [
    client,
    actorId,
  ]);
  const [user, setUser] = useState('');
  const [level, setLevel] = useState<string>('READ');
  const [error, setError] = useState<unknown>(null);
  const grant = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await client.updatePermissions(actorId, { user: user.trim(), level: level as 'READ' });
      setUser('');
      perms.refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="perm-title">
      <h2 id="perm-title">Permissions</h2>
      <ErrorNote error={perms.error} />
      {perms.data && !perms.data.length ? <Empty>No permissions listed.</Empty> : null}
      {perms.data && perms.data.length ? (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Level</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {perms.data.map(([u, l]) => (
              <tr key={u}>
                <th scope="row">{u}</th>
                <td>{l}</td>
                <td>
                  {l !== 'NONE' ? (
                    <ActionButton
                      kind="small"
                      onClick={async () => {
                        const ok = await confirm({
                          title: `Revoke ${u}'s access?`,
                          body: `${u} is set to NONE on ${actorId}.`,
                          action: 'Revoke',
                        });
                        if (ok) {
                          await client.updatePermissions(actorId, { user: u, level: 'NONE' });
                          perms.refresh();
                        }
                      }}
                    >
                      Revoke
                    </ActionButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form class="inline-form" onSubmit={grant}>
        <label>
          User{' '}
          <input
            value={user}
            onInput={(e) => setUser(e.currentTarget.value)}
            placeholder="name or ABACO_WORLD"
          />
        </label>
        <label>
          Level{' '}
          <select value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
            {PERMISSION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!user.trim()}>
          Grant
        </button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}
