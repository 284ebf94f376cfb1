import { useMemo } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { ActionButton, ErrorNote, Field, StatusBadge } from '../parts/bits.js';
import { LogView } from '../parts/log-view.js';
import { DiffView, ResultView } from '../parts/results.js';
import { formatMs, formatTime } from '../lib/format.js';
import { useObservable } from '../lib/observable.js';
import { actorHref } from '../lib/route.js';
import { isFinal } from '../lib/tracker.js';

/**
 * One execution, live: its status as it changes, its log as it grows, its results and the state change it made.
 * Every section keeps its place and size from the start, so nothing moves while the log streams.
 */
export function ExecutionDetail({
  actorId,
  executionId,
  stateful,
}: {
  actorId: string;
  executionId: string;
  stateful: boolean;
}) {
  const { tracker, devFeed, client, confirm } = useApp();
  const entry = useMemo(
    () => tracker.follow(actorId, executionId, { stateful }),
    [tracker, actorId, executionId, stateful],
  );
  const t = useObservable(entry);
  const dev = useObservable(devFeed);
  const fromDev = useMemo(() => {
    for (const round of dev.rounds) {
      const e = round.executions.find((x) => x.executionId === executionId);
      if (e) return { round: round.round, execution: e };
    }
    return null;
  }, [dev, executionId]);
  const x = t.execution;
  const status = x?.status ?? null;
  const final = isFinal(status);
  const changes = fromDev?.execution.changes ?? t.state?.changes ?? null;
  return (
    <article class="execution" aria-labelledby="execution-title" data-status={status ?? ''}>
      <div class="section-head">
        <h2 id="execution-title">
          Execution <span class="mono">{executionId}</span>
        </h2>
        <span data-testid="execution-status" aria-live="polite">
          <StatusBadge status={status} />
        </span>
        <span class={t.live ? 'live on' : 'live'} title="followed through the API's blocking reads">
          {t.live ? 'live' : final ? 'ended' : 'following'}
        </span>
        <span class="spacer" />
        <ActionButton
          kind="danger"
          disabled={status !== 'RUNNING'}
          title="only a running execution can be force-quit"
          onClick={async () => {
            const ok = await confirm({
              title: 'Force-quit this execution?',
              body: `Execution ${executionId} is stopped now; it ends in ERROR.`,
              action: 'Force-quit',
            });
            if (ok) await client.deleteExecution(actorId, executionId);
          }}
        >
          Force-quit
        </ActionButton>
        <a class="small-link" href={actorHref(actorId, 'executions')} aria-label="close the execution">
          Close
        </a>
      </div>
      <ErrorNote error={t.error} />
      <ol class="timeline" data-testid="seen-statuses" aria-label="statuses this page saw">
        {t.seen.map((s) => (
          <li key={s.status} data-status={s.status}>
            <StatusBadge status={s.status} />{' '}
            <span class="muted">{new Date(s.at).toLocaleTimeString(undefined, { hour12: false })}</span>
          </li>
        ))}
      </ol>
      <dl class="facts">
        <Field label="exit code">{x?.exitCode ?? '—'}</Field>
        <Field label="runtime">{x && final ? formatMs(x.runtime) : '—'}</Field>
        <Field label="cpu (jiffies)">{x && final ? x.cpu : '—'}</Field>
        <Field label="io (sectors)">{x && final ? x.io : '—'}</Field>
        <Field label="received">{formatTime(x?.messageReceivedTime)}</Field>
        <Field label="started">{formatTime(x?.startTime)}</Field>
        <Field label="finished">{formatTime(x?.finishTime)}</Field>
        <Field label="worker">
          <span class="mono">{x?.workerId ?? '—'}</span>
        </Field>
        {x?.statusMessage ? (
          <Field label="message" wide>
            {x.statusMessage}
          </Field>
        ) : null}
      </dl>
      <h3>Logs</h3>
      <LogView text={t.logs} placeholder={final ? 'No output.' : 'Waiting for output…'} />
      <div class="after">
        <section aria-labelledby="results-title" class="results">
          <h3 id="results-title">Results</h3>
          <div data-testid="results">
            {t.results.map((r, i) => (
              <ResultView result={r} index={i} key={i} />
            ))}
            {fromDev && !t.results.length
              ? fromDev.execution.results.map((r) => (
                  <div class="result" key={r.index}>
                    <div class="result-head">
                      result {r.index + 1} · {r.bytes} B · as <code>actorkit dev</code> read it (round{' '}
                      {fromDev.round})
                    </div>
                    <pre>{r.preview}</pre>
                  </div>
                ))
              : null}
            {!t.results.length && !fromDev?.execution.results.length ? (
              <p class="empty">
                {!final
                  ? 'After it ends.'
                  : t.sentByPage || t.resultsTaken
                    ? 'It sent no results.'
                    : 'Reading a result removes it from the execution (as on the service), so the page reads them only for messages it sent.'}
              </p>
            ) : null}
            {final && !t.sentByPage && !fromDev ? (
              <ActionButton kind="small" onClick={() => tracker.takeResult(actorId, executionId)}>
                Take the next result
              </ActionButton>
            ) : null}
          </div>
        </section>
        <section aria-labelledby="state-title" class="state-change">
          <h3 id="state-title">State change</h3>
          {!stateful ? (
            <p class="empty">A stateless actor has no state.</p>
          ) : changes ? (
            <>
              <DiffView changes={changes} />
              <p class="muted">
                {fromDev
                  ? `As actorkit dev saw it (round ${fromDev.round}).`
                  : t.state?.beforeAt === 'sent'
                    ? 'The state just before this page sent the message, against the state when it ended.'
                    : `The state when this page first saw it (${t.state?.beforeAt ?? '?'}), against the state when it ended.`}
              </p>
            </>
          ) : (
            <p class="empty">
              {!final
                ? 'After it ends.'
                : 'Known for executions this page followed from before they ran, and for those actorkit dev ran.'}
            </p>
          )}
        </section>
      </div>
    </article>
  );
}
