import type { Execution } from '@actorkit/api';
import { useRef } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { Empty, ErrorNote, StatusBadge } from '../parts/bits.js';
import { formatMs, formatTime, shortId } from '../lib/format.js';
import { executionBriefs, field, num, text } from '../lib/loose.js';
import { useObservable } from '../lib/observable.js';
import { usePoll } from '../lib/poll.js';
import { isFinal } from '../lib/tracker.js';
import { actorHref } from '../lib/route.js';
import { ExecutionDetail } from './execution-detail.js';

/** Rows whose details (exit code, runtime, cpu, io) are read: the newest ones. */
const DETAILED_ROWS = 25;

export function ExecutionsTab({
  actorId,
  executionId,
  stateful,
}: {
  actorId: string;
  executionId: string | null;
  stateful: boolean;
}) {
  const { client, tracker } = useApp();
  // rows the page follows live show what the follower saw last, ahead of the next poll
  useObservable(tracker.version);
  // Final executions never change: their details are read once.
  const details = useRef(new Map<string, Execution>());
  const rows = usePoll(
    async () => {
      const summary = await client.listExecutions(actorId);
      const briefs = executionBriefs(summary);
      await Promise.all(
        briefs.slice(0, DETAILED_ROWS).map(async (b) => {
          const id = text(b.id);
          const known = details.current.get(id);
          if (known && known.status === text(b.status)) return;
          try {
            details.current.set(id, await client.getExecution(actorId, id));
          } catch (error) {
            void error; // the row shows what the summary has
          }
        }),
      );
      return {
        briefs,
        totals: {
          runtime: num(field(summary, 'totalRuntime')),
          cpu: num(field(summary, 'totalCpu')),
          io: num(field(summary, 'totalIo')),
          count: num(field(summary, 'totalExecutions')) ?? briefs.length,
        },
      };
    },
    2000,
    [client, actorId],
  );
  return (
    <div class={executionId ? 'split' : ''}>
      <div class="split-list">
        <ErrorNote error={rows.error} />
        {rows.data && rows.data.briefs.length === 0 ? (
          <Empty>
            No executions yet. <a href={actorHref(actorId, 'send')}>Send a message</a>.
          </Empty>
        ) : null}
        {rows.data && rows.data.briefs.length > 0 ? (
          <>
            <p class="muted">
              {rows.data.totals.count} execution(s) · runtime {formatMs(rows.data.totals.runtime)} · cpu{' '}
              {rows.data.totals.cpu ?? '—'} · io {rows.data.totals.io ?? '—'}
            </p>
            <div class="table-wrap">
              <table class="grid executions" data-testid="executions">
                <thead>
                  <tr>
                    <th scope="col">Execution</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="num">
                      Exit
                    </th>
                    <th scope="col" class="num">
                      Runtime
                    </th>
                    <th scope="col" class="num">
                      CPU
                    </th>
                    <th scope="col" class="num">
                      IO
                    </th>
                    <th scope="col">Received</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.data.briefs.map((b) => {
                    const id = text(b.id);
                    const followed = tracker.get(actorId, id)?.value.execution ?? null;
                    const d = followed ?? details.current.get(id);
                    const status = followed?.status ?? text(b.status);
                    const selected = id === executionId;
                    return (
                      <tr key={id} class={selected ? 'selected' : ''} data-execution={id}>
                        <th scope="row">
                          <a
                            href={actorHref(actorId, 'executions', id)}
                            aria-current={selected ? 'true' : undefined}
                            class="mono"
                          >
                            {shortId(id)}
                          </a>
                        </th>
                        <td>
                          <StatusBadge status={status} />
                        </td>
                        <td class="num">{d?.exitCode ?? '—'}</td>
                        <td class="num">{d && isFinal(d.status) ? formatMs(d.runtime) : '—'}</td>
                        <td class="num">{d ? d.cpu : '—'}</td>
                        <td class="num">{d ? d.io : '—'}</td>
                        <td>{formatTime(b.messageReceivedTime)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </div>
      {executionId ? (
        <div class="split-detail">
          <ExecutionDetail
            key={executionId}
            actorId={actorId}
            executionId={executionId}
            stateful={stateful}
          />
        </div>
      ) : null}
    </div>
  );
}
