import { displayTime } from '@actorkit/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessExecutor } from '../../src/executor/process-executor.js';
import type { RunningEmulator } from '../../src/index.js';
import { DEFAULT_TENANT } from '../../src/index.js';
import { executorWorkerPool } from '../../src/workers/executor-pool-factory.js';
import { clientWith, raw, startTestEmulator, USERS, waitFor, type RawResponse } from '../api/fixture.js';

// fidelity.md §7 (search), §9.7 (bad input is a 400 with the service's text), §12 row 1 (list routes as searches).
const TYPE_TEXT = 'Inputted search_type is invalid, must be one of {list(store_dict.keys())}.';
const NONCE_TEXT = "'x-nonce' query parameter on the '/actors/search/{database}' endpoint does not resolve.";
const TENANT = DEFAULT_TENANT;
// display_time replaces every "000" of the microseconds by "Z": .410000 shows as .41Z0
const DISPLAY_TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.[\dZ]+)?|None)$/;

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A v2 JWT header of another tenant for a user of the same name as a local one. */
const OTHER_TENANT = {
  'x-jwt-assertion-other': jwt({
    'http://wso2.org/claims/enduser': 'alice',
    'http://wso2.org/claims/role': 'Internal/abaco-user',
  }),
};

interface SearchBody {
  _metadata: Record<string, number>;
  search: Record<string, unknown>[];
}

type Who = { token: string } | { headers: Record<string, string> };

async function get(emu: RunningEmulator, path: string, who: Who): Promise<RawResponse> {
  return raw(emu, 'GET', `/actors/v2${path}`, who);
}

/** A successful search's result; fails the test with the server's message otherwise. */
async function search(emu: RunningEmulator, type: string, query: string, who: Who): Promise<SearchBody> {
  const res = await get(emu, `/search/${type}${query ? `?${query}` : ''}`, who);
  expect(res.status, res.json?.message).toBe(200);
  return res.json?.result as SearchBody;
}

const ids = (body: SearchBody) => body.search.map((d) => d['id']);

async function post(
  emu: RunningEmulator,
  path: string,
  token: string,
  json: unknown,
): Promise<Record<string, unknown>> {
  const res = await raw(emu, 'POST', `/actors/v2${path}`, { token, json });
  expect(res.status, res.json?.message).toBe(200);
  return res.json?.result as Record<string, unknown>;
}

const alice = { token: USERS.alice.token };
const bob = { token: USERS.bob.token };
const admin = { token: USERS.admin.token };

describe('search (camel case, executions run as local processes)', () => {
  let emu: RunningEmulator;
  let executor: ProcessExecutor;
  let echo: string; // alice's actor that prints its message
  let quiet: string; // alice's actor that prints nothing
  let bobs: string;
  let admins: string;
  let otherTenants: string;
  const executions: string[] = [];

  async function runMessage(actorId: string, message: string): Promise<string> {
    const sent = await post(emu, `/${actorId}/messages`, USERS.alice.token, { message });
    const executionId = String(sent['executionId']);
    await waitFor(() => (emu.store.executions.get(executionId)?.status === 'COMPLETE' ? true : undefined));
    return executionId;
  }

  beforeAll(async () => {
    executor = new ProcessExecutor({ killGraceMs: 200 });
    emu = await startTestEmulator({
      trustJwt: true,
      executor,
      workerPool: executorWorkerPool({
        cronIntervalMs: 0,
        processCommands: {
          'img/echo': { command: ['/bin/sh', '-c', 'echo "said: $MSG"'] },
          'img/quiet': { command: ['/bin/sh', '-c', 'exit 0'] },
        },
      }),
    });
    const a = USERS.alice.token;
    echo = String(
      (
        await post(emu, '', a, {
          image: 'img/echo',
          name: 'word-counter',
          description: 'Counts the words of a message',
          hints: ['fast', 'v2'],
          defaultEnvironment: { MODE: 'Nested Needle' },
        })
      )['id'],
    );
    quiet = String(
      (await post(emu, '', a, { image: 'img/quiet', name: 'quiet one', stateless: true }))['id'],
    );
    bobs = String((await post(emu, '', USERS.bob.token, { image: 'img/echo', name: 'bobs' }))['id']);
    admins = String((await post(emu, '', USERS.admin.token, { image: 'img/quiet', name: 'admins' }))['id']);
    const other = await raw(emu, 'POST', '/actors/v2', {
      headers: OTHER_TENANT,
      json: { image: 'img/quiet' },
    });
    expect(other.status, other.json?.message).toBe(200);
    otherTenants = String((other.json?.result as { id: string }).id);
    executions.push(await runMessage(echo, 'hello world'));
    executions.push(await runMessage(quiet, 'ignored'));
    executions.push(await runMessage(echo, 'second run'));
  }, 30_000);

  afterAll(async () => {
    await emu.dispose();
    await executor[Symbol.asyncDispose]();
  });

  describe('route and types', () => {
    it('answers {_metadata, search} with "Search completed successfully."', async () => {
      const res = await get(emu, '/search/actors', alice);
      expect(res.status).toBe(200);
      expect(res.json?.message).toBe('Search completed successfully.');
      const body = res.json?.result as SearchBody;
      expect(Object.keys(body).sort()).toEqual(['_metadata', 'search']);
      expect(body._metadata).toEqual({
        totalCount: 2,
        recordsSkipped: 0,
        recordLimit: 100,
        countReturned: 2,
      });
      expect(ids(body)).toEqual([echo, quiet]);
    });

    it('matches the type case-insensitively', async () => {
      expect(ids(await search(emu, 'ACTORS', '', alice))).toEqual([echo, quiet]);
      expect((await search(emu, 'Executions', '', alice))._metadata['totalCount']).toBe(3);
    });

    it("answers an unknown type with 400 and the service's KeyError text, braces literal", async () => {
      const res = await get(emu, '/search/nonces', alice);
      expect(res.status).toBe(400);
      expect(res.json?.message.startsWith(TYPE_TEXT)).toBe(true);
    });

    it('answers 404 with the exact text when the search is asked with a nonce', async () => {
      const nonce = await post(emu, `/${echo}/nonces`, USERS.alice.token, { level: 'READ' });
      const res = await get(emu, `/search/actors?x-nonce=${String(nonce['id'])}`, { headers: {} });
      expect(res.status).toBe(404);
      expect(res.json?.message.startsWith(NONCE_TEXT)).toBe(true);
    });
  });

  describe('security filter', () => {
    it("shows only the caller's own tenant, even to a user of the same name elsewhere", async () => {
      expect(ids(await search(emu, 'actors', '', { headers: OTHER_TENANT }))).toEqual([otherTenants]);
      expect((await search(emu, 'executions', '', { headers: OTHER_TENANT }))._metadata['totalCount']).toBe(
        0,
      );
    });

    it('hides actors the caller holds no permission entry on, with their executions, workers and logs', async () => {
      expect(ids(await search(emu, 'actors', '', bob))).toEqual([bobs]);
      for (const type of ['executions', 'logs', 'workers']) {
        const body = await search(emu, type, '', bob);
        expect(
          body.search.every((d) => d['actorId'] === undefined || d['actorId'] === bobs),
          type,
        ).toBe(true);
      }
      expect((await search(emu, 'executions', '', bob))._metadata['totalCount']).toBe(0);
    });

    it('gives an admin no bypass: it sees only what it holds an entry on', async () => {
      expect(ids(await search(emu, 'actors', '', admin))).toEqual([admins]);
      expect((await search(emu, 'logs', '', admin))._metadata['totalCount']).toBe(0);
    });

    it('does not honour ABACO_WORLD', async () => {
      await post(emu, `/${quiet}/permissions`, USERS.alice.token, { user: 'ABACO_WORLD', level: 'READ' });
      expect(ids(await search(emu, 'actors', '', bob))).toEqual([bobs]);
    });

    it('shows an actor, and its executions, once the caller is granted READ; NONE hides them again', async () => {
      await post(emu, `/${echo}/permissions`, USERS.alice.token, { user: 'bob', level: 'READ' });
      expect(ids(await search(emu, 'actors', '', bob))).toEqual([echo, bobs]);
      expect(
        (await search(emu, 'executions', `actorId=${TENANT}_${echo}`, bob))._metadata['totalCount'],
      ).toBe(2);
      await post(emu, `/${echo}/permissions`, USERS.alice.token, { user: 'bob', level: 'NONE' });
      expect(ids(await search(emu, 'actors', '', bob))).toEqual([bobs]);
      expect((await search(emu, 'executions', '', bob))._metadata['totalCount']).toBe(0);
    });
  });

  describe('documents', () => {
    it('shows every stored actor field, null ones included, camelCased at the top level, times displayed', async () => {
      const [doc] = (await search(emu, 'actors', `id=${echo}`, alice)).search;
      const record = emu.store.actors.get(echo)!;
      expect(doc).toMatchObject({
        id: echo,
        name: 'word-counter',
        image: 'img/echo',
        owner: 'alice',
        type: 'none',
        mounts: [],
        gid: null,
        uid: null,
        tasdir: null,
        maxWorkers: null,
        memLimit: null,
        maxCpus: null,
        logEx: null,
        cronSchedule: null,
        hints: ['fast', 'v2'],
        defaultEnvironment: { MODE: 'Nested Needle' },
        state: {},
        revision: 1,
        createTime: displayTime(record.createTime),
        lastUpdateTime: displayTime(record.lastUpdateTime),
        _links: {
          self: `${emu.url}/actors/v2/${echo}`,
          owner: `${emu.url}/profiles/v2/alice`,
          executions: `${emu.url}/actors/v2/${echo}/executions`,
        },
      });
      for (const key of [
        'token',
        'link',
        'webhook',
        'stateless',
        'privileged',
        'useContainerUid',
        'cronOn',
      ]) {
        expect(doc, key).toHaveProperty(key);
      }
      for (const key of [
        'tenant',
        'apiServer',
        'dbId',
        'executions',
        '_id',
        'permissions',
        'runAsExecutor',
      ]) {
        expect(doc, key).not.toHaveProperty(key);
      }
    });

    it('shows the v3 field runAsExecutor only under the /v3/actors base, links still on /actors/v2', async () => {
      const res = await raw(emu, 'GET', `/v3/actors/search/actors?id=${echo}`, alice);
      expect(res.status).toBe(200);
      const [doc] = (res.json?.result as SearchBody).search;
      expect(doc).toHaveProperty('runAsExecutor');
      expect((doc?.['_links'] as Record<string, string>)['self']).toBe(`${emu.url}/actors/v2/${echo}`);
    });

    it('shows executions with the bare actor id, displayed times, final state times and links', async () => {
      const body = await search(emu, 'executions', '', alice);
      expect(ids(body)).toEqual(executions);
      const doc = body.search[0]!;
      const record = emu.store.executions.get(executions[0]!)!;
      expect(doc).toMatchObject({
        id: executions[0],
        actorId: echo,
        executor: 'alice',
        status: 'COMPLETE',
        exitCode: 0,
        messageReceivedTime: displayTime(record.messageReceivedTime),
        startTime: displayTime(record.startTime),
        finishTime: displayTime(record.finishTime),
        _links: {
          self: `${emu.url}/actors/v2/${echo}/executions/${executions[0]}`,
          owner: `${emu.url}/profiles/v2/alice`,
          logs: `${emu.url}/actors/v2/${echo}/logs`,
        },
      });
      const state = doc['finalState'] as Record<string, unknown>;
      expect(state['StartedAt']).toBe(displayTime(String(record.finalState?.['StartedAt'])));
      expect(state['FinishedAt']).toMatch(DISPLAY_TIME);
      expect(state['ExitCode']).toBe(0);
      for (const key of ['tenant', 'apiServer', '_id', 'owner', 'statusMessage'])
        expect(doc, key).not.toHaveProperty(key);
    });

    it('has a log document for every finished execution, an empty one included, with only logs and links', async () => {
      const body = await search(emu, 'logs', '', alice);
      expect(body._metadata['totalCount']).toBe(3);
      const quietLog = body.search.find((d) =>
        String((d['_links'] as Record<string, string>)['execution']).endsWith(executions[1]!),
      );
      expect(quietLog).toEqual({
        logs: '',
        _links: {
          self: `${emu.url}/actors/v2/${quiet}/executions/${executions[1]}/logs`,
          owner: `${emu.url}/profiles/v2/alice`,
          execution: `${emu.url}/actors/v2/${quiet}/executions/${executions[1]}`,
        },
      });
      expect(body.search.map((d) => d['logs'])).toContain('said: hello world\n');
    });

    it('shows workers without tenant or links, with the bare actor id, channel name and displayed times', async () => {
      const body = await search(emu, 'workers', '', alice);
      expect(body._metadata['totalCount']).toBeGreaterThanOrEqual(2);
      for (const doc of body.search) {
        expect([echo, quiet]).toContain(doc['actorId']);
        expect(doc['chName']).toBe(`worker_${String(doc['id'])}`);
        expect(doc['createTime']).toMatch(DISPLAY_TIME);
        expect(doc['lastHealthCheckTime']).toMatch(DISPLAY_TIME);
        expect(doc).not.toHaveProperty('tenant');
        expect(doc).not.toHaveProperty('_links');
      }
    });
  });

  describe('field filters', () => {
    it('converts camel keys to snake, so both spellings work', async () => {
      expect(ids(await search(emu, 'actors', 'useContainerUid=false&name=quiet%20one', alice))).toEqual([
        quiet,
      ]);
      expect(ids(await search(emu, 'actors', 'use_container_uid=false&name=quiet%20one', alice))).toEqual([
        quiet,
      ]);
    });

    it('compares actor_id as the stored db id {tenant}_{id}, not the displayed id', async () => {
      expect((await search(emu, 'executions', `actorId=${echo}`, alice))._metadata['totalCount']).toBe(0);
      expect(ids(await search(emu, 'executions', `actor_id=${TENANT}_${echo}`, alice))).toEqual([
        executions[0],
        executions[2],
      ]);
    });

    it('reaches nested fields with dotted keys', async () => {
      expect(ids(await search(emu, 'actors', 'defaultEnvironment.MODE=Nested%20Needle', alice))).toEqual([
        echo,
      ]);
      expect(ids(await search(emu, 'executions', 'finalState.ExitCode=0', alice))).toEqual(executions);
      expect(ids(await search(emu, 'actors', `_links.owner=${emu.url}/profiles/v2/alice`, alice))).toEqual([
        echo,
        quiet,
      ]);
    });

    it('coerces true/false/none, floats and JSON lists before comparing', async () => {
      expect(ids(await search(emu, 'actors', 'stateless=TRUE&privileged=False', alice))).toEqual([
        echo,
        quiet,
      ]);
      expect(ids(await search(emu, 'actors', 'maxWorkers=none', alice))).toEqual([echo, quiet]);
      expect(ids(await search(emu, 'actors', 'revision=1', alice))).toEqual([echo, quiet]);
      expect(ids(await search(emu, 'actors', 'revision=%221%22', alice))).toEqual([]);
      expect(ids(await search(emu, 'actors', "hints=['fast','v2']", alice))).toEqual([echo]);
    });

    it('applies each operator suffix', async () => {
      const q = (query: string) => search(emu, 'actors', query, alice).then(ids);
      expect(await q('name.eq=quiet%20one')).toEqual([quiet]);
      expect(await q('name.neq=quiet%20one')).toEqual([echo]);
      expect(await q('revision.lt=1')).toEqual([]);
      expect(await q('revision.lte=1')).toEqual([echo, quiet]);
      expect(await q('revision.gt=0.5')).toEqual([echo, quiet]);
      expect(await q('revision.gte=2')).toEqual([]);
      expect(await q('image.in=["img/quiet","img/other"]')).toEqual([quiet]);
      expect(await q("image.nin=['img/quiet']")).toEqual([echo]);
      expect(await q('revision.between=0,1')).toEqual([echo, quiet]);
      expect(await q('revision.between=2,3')).toEqual([]);
      expect(await q('name.like=counter')).toEqual([echo]);
      expect(await q('name.like=COUNTER')).toEqual([]);
      expect(await q('name.like=^quiet')).toEqual([quiet]);
      expect(await q('name.nlike=^quiet')).toEqual([echo]);
    });

    it('compares datetimes as instants, from several broad ISO-8601 forms', async () => {
      const e = (query: string) => search(emu, 'executions', query, alice).then(ids);
      const first = emu.store.executions.get(executions[0]!)!;
      const year = new Date(first.startTime!).getUTCFullYear();
      expect(await e(`startTime.gte=${year}`)).toEqual(executions);
      expect(await e(`startTime.lt=${year}`)).toEqual([]);
      expect(await e(`start_time.gte=2000-05:00`)).toEqual(executions);
      expect(await e(`startTime.lt=2000-01-01T01:00`)).toEqual([]);
      expect(await e(`messageReceivedTime.between=2000,${year + 1}-01-01T00:00:00.000001Z`)).toEqual(
        executions,
      );
      expect(await e(`finalState.StartedAt.gte=${year - 1}-12-31T23:00-02:00`)).toEqual(executions);
      expect(await e(`startTime.gt=${encodeURIComponent(first.startTime!)}`)).toEqual(executions.slice(1));
      expect(await e(`startTime.lte=${encodeURIComponent(first.startTime!.replace('Z', '+00:00'))}`)).toEqual(
        [executions[0]],
      );
    });

    it('answers bad filter values with 400 and the service text, never 500', async () => {
      const bad = async (query: string, text: string | RegExp) => {
        const res = await get(emu, `/search/executions?${query}`, alice);
        expect(res.status, query).toBe(400);
        if (typeof text === 'string') expect(res.json?.message.startsWith(text), query).toBe(true);
        else expect(res.json?.message, query).toMatch(text);
      };
      await bad('startTime.gte=yesterday', 'Inputted datetime was in an incorrect format...');
      await bad('runtime.between=5', 'Between must have two variables seperated by a comma...');
      await bad(
        'runtime.between=1,2020-01',
        'The values given to .between should be either float or ISO 8601 datetime.',
      );
      await bad('status.like=(', /not a valid regular expression/);
      await bad('status.in=COMPLETE', /^\$in needs an array/);
    });
  });

  describe('paging', () => {
    it('skips and limits after counting, and says so in _metadata', async () => {
      const body = await search(emu, 'executions', 'skip=1&limit=1', alice);
      expect(body._metadata).toEqual({ totalCount: 3, recordsSkipped: 1, recordLimit: 1, countReturned: 1 });
      expect(ids(body)).toEqual([executions[1]]);
      const past = await search(emu, 'executions', 'skip=10', alice);
      expect(past._metadata).toEqual({
        totalCount: 3,
        recordsSkipped: 10,
        recordLimit: 100,
        countReturned: 0,
      });
    });

    it("answers bad skip and limit with 400 and the service's texts", async () => {
      const skip = await get(emu, '/search/actors?skip=x', alice);
      expect(skip.status).toBe(400);
      expect(skip.json?.message.startsWith('Inputted "skip" paramater must be an int. Received: x')).toBe(
        true,
      );
      const limit = await get(emu, '/search/actors?limit=-1', alice);
      expect(limit.status).toBe(400);
      expect(limit.json?.message.startsWith('Inputted "limit" must be positive. Received: -1')).toBe(true);
    });
  });

  describe('full text', () => {
    it('does not filter on search words: they only rank, best first, ties in insertion order', async () => {
      expect(ids(await search(emu, 'actors', 'search=nothing%20like%20this', alice))).toEqual([echo, quiet]);
      expect(ids(await search(emu, 'actors', 'search=quiet', alice))).toEqual([quiet, echo]);
      expect(ids(await search(emu, 'logs', '', alice)).length).toBe(3);
    });

    it('filters on exactsearch, case-insensitively, over nested string fields too', async () => {
      expect(ids(await search(emu, 'actors', 'exactsearch=WORDS%20OF%20A', alice))).toEqual([echo]);
      expect(ids(await search(emu, 'actors', 'exactsearch=nested%20needle', alice))).toEqual([echo]);
      expect(ids(await search(emu, 'actors', 'exactsearch=words%20of%20the', alice))).toEqual([]);
      const logs = await search(emu, 'logs', 'exactsearch=SAID:%20second', alice);
      expect(logs.search.map((d) => d['logs'])).toEqual(['said: second run\n']);
    });
  });

  describe('typed client', () => {
    it('searches with query parameters and reads _metadata and the open documents', async () => {
      const client = clientWith(emu, 'v2', { kind: 'bearer', token: USERS.alice.token });
      const result = await client.search('executions', { status: 'COMPLETE', limit: 2 });
      expect(result._metadata).toEqual({
        totalCount: 3,
        recordsSkipped: 0,
        recordLimit: 2,
        countReturned: 2,
      });
      expect(result.search.map((d) => d['id'])).toEqual(executions.slice(0, 2));
      expect(result.search[0]).toMatchObject({ actorId: echo, status: 'COMPLETE' });
    });
  });

  describe('list routes (fidelity §7.7)', () => {
    it('turns GET /actors with a filter into an actors search', async () => {
      const res = await get(emu, '/?image=img/quiet', alice);
      expect(res.status).toBe(200);
      expect(res.json?.message).toBe('Actors search completed successfully.');
      const body = res.json?.result as SearchBody;
      expect(body._metadata['totalCount']).toBe(1);
      expect(ids(body)).toEqual([quiet]);
    });

    it("turns an actor's executions with ?status=COMPLETE into a search of that actor's executions", async () => {
      const res = await get(emu, `/${echo}/executions?status=COMPLETE`, alice);
      expect(res.status).toBe(200);
      expect(res.json?.message).toBe('Executions search completed successfully.');
      expect(ids(res.json?.result as SearchBody)).toEqual([executions[0], executions[2]]);
    });

    it('makes offset a field filter once the list is a search: it matches nothing', async () => {
      const res = await get(emu, '/?offset=1&image=img/quiet', alice);
      expect((res.json?.result as SearchBody)._metadata['totalCount']).toBe(0);
    });

    it('stays a list with only limit and offset', async () => {
      const actors = await get(emu, '/?limit=1&offset=1', alice);
      expect(actors.status).toBe(200);
      expect(Array.isArray(actors.json?.result)).toBe(true);
      expect((actors.json?.result as { id: string }[]).map((a) => a.id)).toEqual([quiet]);
      const runs = await get(emu, `/${echo}/executions?limit=5`, alice);
      expect(runs.status).toBe(200);
      expect(runs.json?.result).not.toHaveProperty('_metadata');
      expect(runs.json?.result).toHaveProperty('executions');
    });
  });
});

describe('search (snake case)', () => {
  let emu: RunningEmulator;
  let actorId: string;

  beforeAll(async () => {
    emu = await startTestEmulator({ keyCase: 'snake' });
    actorId = String((await post(emu, '', USERS.alice.token, { image: 'img/snake', name: 'snake' }))['id']);
    await post(emu, `/${actorId}/messages`, USERS.alice.token, { message: 'queued' }); // stays SUBMITTED: no pool
  });
  afterAll(() => emu.dispose());

  it('answers snake keys in _metadata and in the documents', async () => {
    const body = await search(emu, 'actors', '', alice);
    expect(body._metadata).toEqual({
      total_count: 1,
      records_skipped: 0,
      record_limit: 100,
      count_returned: 1,
    });
    const doc = body.search[0]!;
    expect(doc).toMatchObject({
      id: actorId,
      max_workers: null,
      use_container_uid: false,
      default_environment: {},
    });
    expect(doc['create_time']).toMatch(DISPLAY_TIME);
    expect(doc).not.toHaveProperty('createTime');
  });

  it('accepts snake filters and shows a queued execution with times not reached as "None"', async () => {
    const body = await search(emu, 'executions', 'status=SUBMITTED&final_state=none', alice);
    expect(body.search).toHaveLength(1);
    expect(body.search[0]).toMatchObject({
      actor_id: actorId,
      status: 'SUBMITTED',
      start_time: 'None',
      finish_time: 'None',
      final_state: null,
    });
    expect(body.search[0]!['message_received_time']).toMatch(DISPLAY_TIME);
    expect((await search(emu, 'logs', '', alice))._metadata['total_count']).toBe(0);
  });

  it('is read by the typed client in camel case', async () => {
    const client = clientWith(emu, 'v2', { kind: 'bearer', token: USERS.alice.token });
    const result = await client.search('actors');
    expect(result._metadata).toEqual({
      totalCount: 1,
      recordsSkipped: 0,
      recordLimit: 100,
      countReturned: 1,
    });
    expect(result.search[0]).toMatchObject({ id: actorId, maxWorkers: null, useContainerUid: false });
  });
});
