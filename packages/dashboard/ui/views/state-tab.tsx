import { useApp } from '../app-context.js';
import { ErrorNote, Json } from '../parts/bits.js';
import { ago } from '../lib/format.js';
import { usePoll } from '../lib/poll.js';

export function StateTab({ actorId }: { actorId: string }) {
  const { client } = useApp();
  const state = usePoll(async () => (await client.getState(actorId)).state, 3000, [client, actorId]);
  return (
    <section aria-labelledby="state-tab-title">
      <div class="section-head">
        <h2 id="state-tab-title">State</h2>
        <span class="muted">{state.at ? `read ${ago(state.at)}` : ''}</span>
      </div>
      <ErrorNote error={state.error} />
      <Json value={state.data} />
    </section>
  );
}
