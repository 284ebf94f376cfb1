import type { Actor } from '@actorkit/api';
import { useApp } from '../app-context.js';
import { ActionButton, ErrorNote, Field, StatusBadge } from '../parts/bits.js';
import { isNotFound } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { field, num, text } from '../lib/loose.js';
import { usePoll } from '../lib/poll.js';
import { ACTOR_TABS, actorHref, go, type ActorTab } from '../lib/route.js';
import { ExecutionsTab } from './executions-tab.js';
import { NoncesTab } from './nonces-tab.js';
import { PermissionsTab } from './permissions-tab.js';
import { SendTab } from './send-tab.js';
import { StateTab } from './state-tab.js';
import { WorkersTab } from './workers-tab.js';

const TAB_LABELS: Record<ActorTab, string> = {
  executions: 'Executions',
  send: 'Send a message',
  state: 'State',
  permissions: 'Permissions',
  nonces: 'Nonces',
  workers: 'Workers',
};

export function ActorView({
  actorId,
  tab,
  executionId,
}: {
  actorId: string;
  tab: ActorTab;
  executionId: string | null;
}) {
  const { client, confirm } = useApp();
  const head = usePoll(
    async () => {
      const [actor, messages] = await Promise.all([
        client.get(actorId),
        client.getMessages(actorId).catch(() => null),
      ]);
      return { actor, queued: num(field(messages, 'messages')) };
    },
    3000,
    [client, actorId],
  );
  if (head.error && isNotFound(head.error)) {
    return (
      <section>
        <h1>Actor {actorId}</h1>
        <ErrorNote error={head.error} />
        <a href="#/">Back to the actors</a>
      </section>
    );
  }
  const actor: Actor | undefined = head.data?.actor;
  const stateful = actor ? actor.stateless === false : false;
  const tabs = ACTOR_TABS.filter((t) => t !== 'state' || stateful || !actor);
  return (
    <section aria-labelledby="actor-title" class="actor">
      <nav class="crumbs" aria-label="breadcrumb">
        <a href="#/">Actors</a> <span aria-hidden="true">/</span>
      </nav>
      <div class="section-head">
        <h1 id="actor-title">{actor ? actor.name || actor.id : actorId}</h1>
        {actor ? <StatusBadge status={actor.status} /> : null}
        <span class="spacer" />
        <ActionButton
          kind="small"
          disabled={!head.data?.queued}
          onClick={async () => {
            const ok = await confirm({
              title: 'Purge the mailbox?',
              body: `The ${head.data?.queued ?? 0} message(s) waiting for ${actorId} will be dropped; their executions never run.`,
              action: 'Purge messages',
            });
            if (ok) {
              await client.deleteMessages(actorId);
              head.refresh();
            }
          }}
        >
          Purge queue ({head.data?.queued ?? '—'})
        </ActionButton>
        <ActionButton
          kind="danger"
          onClick={async () => {
            const ok = await confirm({
              title: `Delete actor ${actor?.name || actorId}?`,
              body: 'Its executions, logs, state, nonces, permissions and queued messages are deleted with it.',
              action: 'Delete actor',
            });
            if (ok) {
              await client.delete(actorId);
              go('#/');
            }
          }}
        >
          Delete actor
        </ActionButton>
      </div>
      <ErrorNote error={head.error} />
      {actor ? (
        <dl class="facts">
          <Field label="id">
            <span class="mono">{actor.id}</span>
          </Field>
          <Field label="image" span>
            <span class="mono wrap">{actor.image}</span>
          </Field>
          <Field label="kind">{stateful ? 'stateful' : 'stateless'}</Field>
          <Field label="revision">{text(actor.revision, '—')}</Field>
          <Field label="owner">{text(actor.owner, '—')}</Field>
          <Field label="created">{formatTime(actor.createTime)}</Field>
          <Field label="cron">
            {actor.cronSchedule
              ? `${actor.cronSchedule}${actor.cronOn ? ` · next ${text(actor.cronNextEx, '—')} UTC` : ' · off'}`
              : '—'}
          </Field>
          <Field label="status message">{text(actor.statusMessage) || '—'}</Field>
        </dl>
      ) : null}
      <nav class="tabs" aria-label="actor sections">
        {tabs.map((t) => (
          <a key={t} href={actorHref(actorId, t)} aria-current={t === tab ? 'page' : undefined} data-tab={t}>
            {TAB_LABELS[t]}
          </a>
        ))}
      </nav>
      <div class="tab-body">
        {tab === 'executions' ? (
          <ExecutionsTab actorId={actorId} executionId={executionId} stateful={stateful} />
        ) : null}
        {tab === 'send' ? <SendTab actorId={actorId} stateful={stateful} /> : null}
        {tab === 'state' ? <StateTab actorId={actorId} /> : null}
        {tab === 'permissions' ? <PermissionsTab actorId={actorId} /> : null}
        {tab === 'nonces' ? <NoncesTab actorId={actorId} /> : null}
        {tab === 'workers' ? <WorkersTab actorId={actorId} /> : null}
      </div>
    </section>
  );
}
