import { useApp } from '../app-context.js';
import { ActionButton, Empty, ErrorNote, StatusBadge } from '../parts/bits.js';
import { formatTime } from '../lib/format.js';
import { text } from '../lib/loose.js';
import { usePoll } from '../lib/poll.js';

export function WorkersTab({ actorId }: { actorId: string }) {
  const { client, confirm } = useApp();
  const workers = usePoll(() => client.listWorkers(actorId), 3000, [client, actorId]);
  return (
    <section aria-labelledby="workers-title">
      <div class="section-head">
        <h2 id="workers-title">Workers</h2>
        <span class="spacer" />
        <ActionButton
          kind="small"
          title="ensures one more worker than now (admins only)"
          onClick={async () => {
            await client.addWorker(actorId, { num: (workers.data?.length ?? 0) + 1 });
            workers.refresh();
          }}
        >
          Add a worker
        </ActionButton>
      </div>
      <ErrorNote error={workers.error} />
      {workers.data && !workers.data.length ? <Empty>No workers.</Empty> : null}
      {workers.data && workers.data.length ? (
        <div class="table-wrap">
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">Worker</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Last execution</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {workers.data.map((w) => (
                <tr key={w.id}>
                  <th scope="row" class="mono">
                    {w.id}
                  </th>
                  <td>
                    <StatusBadge status={text(w.status)} />
                  </td>
                  <td>{formatTime(w.createTime)}</td>
                  <td>{formatTime(w.lastExecutionTime)}</td>
                  <td>
                    <ActionButton
                      kind="small"
                      onClick={async () => {
                        const ok = await confirm({
                          title: 'Stop this worker?',
                          body: `Worker ${w.id} is asked to shut down.`,
                          action: 'Delete worker',
                        });
                        if (ok) {
                          await client.deleteWorker(actorId, w.id);
                          workers.refresh();
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
        </div>
      ) : null}
    </section>
  );
}
