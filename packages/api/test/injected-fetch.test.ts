import { expect, it } from 'vitest';
import { ActorsClient } from '../src/index.js';
import { envelope, FakeServer } from './fake-server.js';
import { state } from './fixtures-camel.js';

it('uses an injected fetch for every request', async () => {
  await using server = await FakeServer.start();
  server.reply(envelope(state));
  const seen: { url: string; method: string | undefined }[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    seen.push({ url: String(input), method: init?.method });
    return globalThis.fetch(input, init);
  };
  const client = new ActorsClient({ baseUrl: server.origin, fetch });
  const answer = await client.getState('a1');
  expect(seen).toEqual([{ url: `${server.origin}/actors/v2/a1/state`, method: 'GET' }]);
  expect(server.last.path).toBe('/actors/v2/a1/state');
  expect(answer.state).toEqual(state.state);
});

it('takes the answer from the injected fetch, not from the network', async () => {
  const fetch: typeof globalThis.fetch = async () =>
    new Response(JSON.stringify({ result: { messages: 7 }, status: 'success', message: '', version: 'x' }), {
      headers: { 'content-type': 'application/json' },
    });
  const client = new ActorsClient({ baseUrl: 'http://actors.invalid', fetch });
  expect((await client.getMessages('a1')).messages).toBe(7);
});
