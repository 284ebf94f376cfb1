import { useState } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { ActionButton, CopyButton, Empty, ErrorNote } from '../parts/bits.js';
import { formatTime } from '../lib/format.js';
import { num, text } from '../lib/loose.js';
import { usePoll } from '../lib/poll.js';

/** The URL a holder of the nonce sends messages to: no token needed, only the nonce. */
export function nonceUrl(actorId: string, nonceId: string): string {
  return `${location.origin}/actors/v2/${encodeURIComponent(actorId)}/messages?x-nonce=${encodeURIComponent(nonceId)}`;
}

export function NoncesTab({ actorId }: { actorId: string }) {
  const { client, confirm } = useApp();
  const nonces = usePoll(() => client.listNonces(actorId), 5000, [client, actorId]);
  const [level, setLevel] = useState('EXECUTE');
  const [maxUses, setMaxUses] = useState('-1');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const uses = Number(maxUses);
  const usesOk = Number.isInteger(uses) && (uses === -1 || uses >= 1);
  const create = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await client.addNonce(actorId, { level: level as 'EXECUTE', maxUses: uses, description });
      setDescription('');
      nonces.refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="nonces-title">
      <h2 id="nonces-title">Nonces</h2>
      <p class="muted">
        A nonce lets someone without a token use this actor, up to its level and number of uses: give them the
        message URL.
      </p>
      <form class="inline-form" onSubmit={create} aria-label="create a nonce">
        <label>
          Level{' '}
          <select value={level} onChange={(e) => setLevel(e.currentTarget.value)} id="nonce-level">
            {['READ', 'EXECUTE', 'UPDATE'].map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          Max uses{' '}
          <input
            id="nonce-max-uses"
            type="number"
            min={-1}
            value={maxUses}
            onInput={(e) => setMaxUses(e.currentTarget.value)}
            aria-invalid={usesOk ? 'false' : 'true'}
            class="narrow"
          />
        </label>
        <label>
          Description <input value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!usesOk} id="create-nonce">
          Create nonce
        </button>
        {!usesOk ? <span class="error inline">-1 (unlimited) or a positive number</span> : null}
      </form>
      <ErrorNote error={error} />
      <ErrorNote error={nonces.error} />
      {nonces.data && !nonces.data.length ? <Empty>No nonces.</Empty> : null}
      {nonces.data && nonces.data.length ? (
        <div class="table-wrap">
          <table class="grid nonces" data-testid="nonces">
            <thead>
              <tr>
                <th scope="col">Nonce</th>
                <th scope="col">Level</th>
                <th scope="col" class="num">
                  Uses left
                </th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {nonces.data.map((n) => {
                const left = num(n.remainingUses);
                return (
                  <tr key={n.id} data-nonce={n.id}>
                    <th scope="row">
                      <span class="mono wrap">{n.id}</span>
                      {n.description ? <div class="muted">{n.description}</div> : null}
                    </th>
                    <td>{text(n.level)}</td>
                    <td class="num">{left === -1 ? 'unlimited' : (left ?? '—')}</td>
                    <td>{formatTime(n.createTime)}</td>
                    <td>{formatTime(n.lastUseTime)}</td>
                    <td class="row-actions">
                      <CopyButton text={nonceUrl(actorId, n.id)} label="Copy message URL" />
                      <ActionButton
                        kind="small"
                        onClick={async () => {
                          const ok = await confirm({
                            title: 'Delete this nonce?',
                            body: `Nonce ${n.id} stops working at once; whoever holds its URL loses access.`,
                            action: 'Delete nonce',
                          });
                          if (ok) {
                            await client.deleteNonce(actorId, n.id);
                            nonces.refresh();
                          }
                        }}
                      >
                        Delete
                      </ActionButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
