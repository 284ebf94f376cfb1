import type { Actor } from '@actorkit/api';
import { useApp } from '../app-context.js';
import { Empty, ErrorNote, StatusBadge } from '../parts/bits.js';
import { ago, formatTime } from '../lib/format.js';
import { executionBriefs, field, list, num, text, type Loose } from '../lib/loose.js';
import { usePoll } from '../lib/poll.js';
import { actorHref } from '../lib/route.js';

interface ActorRow {
  actor: Actor;
  workers: number | null;
  queued: number | null;
  last: Loose | null;
}

/** What is worth a glance for every actor: its status, image, workers, queue, last execution and next cron run. */
async function loadRows(client: ReturnType<typeof useApp>['client']): Promise<ActorRow[]> {
  const actors = await client.list();
  return Promise.all(
    actors.map(async (actor) => {
      const [workers, messages, executions] = await Promise.allSettled([
        client.listWorkers(actor.id),
        client.getMessages(actor.id),
        client.listExecutions(actor.id),
      ]);
      return {
        actor,
        workers: workers.status === 'fulfilled' ? list(workers.value).length : null,
        queued: messages.status === 'fulfilled' ? num(field(messages.value, 'messages')) : null,
        last: executions.status === 'fulfilled' ? (executionBriefs(executions.value)[0] ?? null) : null,
      };
    }),
  );
}

export function ActorsView() {
  const { client } = useApp();
  const rows = usePoll(() => loadRows(client), 3000, [client]);
  return (
    <section aria-labelledby="actors-title">
      <div class="section-head">
        <h1 id="actors-title">Actors</h1>
        <span class="muted" aria-live="off">
          {rows.at ? `updated ${ago(rows.at)}` : 'loading…'}
        </span>
      </div>
      <ErrorNote error={rows.error} />
      {rows.data && rows.data.length === 0 ? (
        <Empty>
          No actors yet. Register one with <code>actorkit dev</code>, <code>actorkit deploy</code> or a{' '}
          <code>POST /actors/v2</code>.
        </Empty>
      ) : null}
      {rows.data && rows.data.length > 0 ? (
        <div class="table-wrap">
          <table class="grid actors" data-testid="actors">
            <thead>
              <tr>
                <th scope="col">Actor</th>
                <th scope="col">Status</th>
                <th scope="col">Image</th>
                <th scope="col" class="num">
                  Workers
                </th>
                <th scope="col" class="num">
                  Queued
                </th>
                <th scope="col">Last execution</th>
                <th scope="col">Next cron run</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map(({ actor, workers, queued, last }) => (
                <tr key={actor.id} data-actor={actor.id}>
                  <th scope="row">
                    <a href={actorHref(actor.id)} class="actor-link">
                      {actor.name || actor.id}
                    </a>
                    <div class="muted mono">
                      {actor.id}
                      {actor.stateless === false ? ' · stateful' : ''}
                    </div>
                  </th>
                  <td>
                    <StatusBadge status={actor.status} />
                  </td>
                  <td class="mono wrap">{actor.image}</td>
                  <td class="num">{workers ?? '—'}</td>
                  <td class="num">{queued ?? '—'}</td>
                  <td>
                    {last ? (
                      <a href={actorHref(actor.id, 'executions', text(last.id))}>
                        <StatusBadge status={text(last.status)} /> {formatTime(last.messageReceivedTime)}
                      </a>
                    ) : (
                      <span class="muted">none</span>
                    )}
                  </td>
                  <td>
                    {actor.cronOn && actor.cronNextEx ? (
                      <span title={text(actor.cronSchedule)}>{text(actor.cronNextEx)} UTC</span>
                    ) : (
                      <span class="muted">{actor.cronSchedule ? 'off' : '—'}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
