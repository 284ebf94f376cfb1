import { useApp } from '../app-context.js';
import { Empty, StatusBadge } from '../parts/bits.js';
import { DiffView } from '../parts/results.js';
import { formatMs } from '../lib/format.js';
import type { DevRound } from '../lib/dev-feed.js';
import { useObservable } from '../lib/observable.js';
import { actorHref } from '../lib/route.js';

function Verdict({ round }: { round: DevRound }) {
  const v = round.verdict;
  if (!v) return <span class="badge st-RUNNING">running</span>;
  if ('cancelled' in v) return <span class="badge st-cancelled">cancelled: {v.cancelled}</span>;
  return v.ok ? (
    <span class="badge st-COMPLETE">✔ ok in {formatMs(v.ms)}</span>
  ) : (
    <span class="badge st-ERROR">
      ✘ failed{v.failed ? `: ${v.failed} execution(s)` : ''} ({formatMs(v.ms)})
    </span>
  );
}

/** `actorkit dev`'s rounds as they happen: compile, build, registration, each fixture's execution, the verdict. */
export function DevView() {
  const { devFeed } = useApp();
  const dev = useObservable(devFeed);
  if (dev.connection === 'absent') {
    return (
      <section>
        <h1>Dev loop</h1>
        <Empty>
          This emulator was not started by <code>actorkit dev</code>, so there are no rounds to show.
        </Empty>
      </section>
    );
  }
  const rounds = [...dev.rounds].reverse();
  return (
    <section aria-labelledby="dev-title" class="dev">
      <div class="section-head">
        <h1 id="dev-title">Dev loop</h1>
        <span class={dev.connection === 'open' ? 'live on' : 'live'}>{dev.connection}</span>
      </div>
      {dev.emulator ? (
        <p class="muted">
          {dev.emulator.executor} executor — {dev.emulator.note}
          {dev.watching ? ` · watching ${dev.watching}` : ''}
        </p>
      ) : null}
      {dev.errors.map((e, i) => (
        <p class="error" key={i}>
          {e}
        </p>
      ))}
      {!rounds.length ? <Empty>No round yet: save a file of the actor.</Empty> : null}
      {rounds.map((round) => (
        <article
          class="round card"
          key={round.round}
          data-round={round.round}
          aria-label={`round ${round.round}`}
        >
          <div class="section-head">
            <h2>Round {round.round}</h2>
            <span class="muted">{round.reason}</span>
            <span class="spacer" />
            <span data-testid="verdict">
              <Verdict round={round} />
            </span>
          </div>
          <ul class="steps">
            {round.steps.map((s, i) => (
              <li key={i} class={s.ok ? 'step ok' : 'step failed'}>
                <span class="step-kind">{s.kind}</span> {s.text}
                {s.detail.length ? <pre class="diagnostics">{s.detail.join('\n')}</pre> : null}
              </li>
            ))}
          </ul>
          {round.executions.map((e) => (
            <div class="dev-execution" key={e.executionId}>
              <div class="section-head">
                <h3>{e.fixture}</h3>
                {round.actorId ? (
                  <a class="mono" href={actorHref(round.actorId, 'executions', e.executionId)}>
                    {e.executionId}
                  </a>
                ) : (
                  <span class="mono">{e.executionId}</span>
                )}
                <StatusBadge status={e.status ?? 'RUNNING'} />
                {e.status ? (
                  <span class="muted">
                    exit {e.exitCode ?? '—'} · {formatMs(e.ms)} (runtime {formatMs(e.runtimeMs)})
                    {e.statusMessage ? ` — ${e.statusMessage}` : ''}
                  </span>
                ) : null}
              </div>
              {e.logs ? <pre class="logs short">{e.logs}</pre> : null}
              {e.results.map((r) => (
                <div class="result" key={r.index}>
                  <div class="result-head">
                    result {r.index + 1} · {r.bytes} B
                  </div>
                  <pre>{r.preview}</pre>
                </div>
              ))}
              {e.changes ? <DiffView changes={e.changes} /> : null}
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}
