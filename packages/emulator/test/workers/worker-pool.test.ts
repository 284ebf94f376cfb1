import { describe, expect, it } from 'vitest';
import { CRON_MESSAGE, parsePythonLiteral } from '@actorkit/api';
import { INTERRUPTED_MESSAGE } from '../../src/workers/recovery.js';
import { pause } from './fake-executor.js';
import { eventually, poolFixture } from './pool-fixture.js';

describe('worker pool', () => {
  it('turns an actor READY when its image is present, ERROR with the reason when not', async () => {
    await using f = poolFixture();
    await f.pool.start();
    const ok = f.addActor();
    const missing = f.addActor({ image: 'nowhere/missing:1' });
    await f.pool.actorCreated(ok);
    await f.pool.actorCreated(missing);
    await eventually(() => f.store.actors.get(ok.id)?.status === 'READY', 2000, 'READY');
    const failed = await eventually(() => {
      const a = f.store.actors.get(missing.id);
      return a?.status === 'ERROR' ? a : undefined;
    });
    expect(failed.statusMessage).toBe('no image nowhere/missing:1');
    expect(f.store.workers.listForActor(ok.id)).toHaveLength(1);
  });

  it('runs a stateful actor one message at a time, in order, on one worker', async () => {
    await using f = poolFixture();
    await f.pool.start();
    const seen: string[] = [];
    f.executor.script = async (spec) => {
      seen.push(spec.env.MSG!);
      await pause(2);
      return 0;
    };
    const actor = f.addActor({ stateless: false });
    await f.pool.actorCreated(actor);
    const ids = Array.from({ length: 20 }, (_, i) => f.send(actor, `m${i}`).id);
    await eventually(
      () => ids.every((id) => f.store.executions.get(id)?.status === 'COMPLETE'),
      5000,
      'all COMPLETE',
    );
    expect(seen).toEqual(ids.map((_, i) => `m${i}`));
    expect(f.executor.maxRunning).toBe(1);
    expect(new Set(ids.map((id) => f.store.executions.get(id)?.workerId)).size).toBe(1);
  });

  it('scales a stateless actor with its queue up to maxWorkers, running each message once', async () => {
    await using f = poolFixture();
    await f.pool.start();
    const runs = new Map<string, number>();
    f.executor.script = async (spec) => {
      runs.set(spec.executionId, (runs.get(spec.executionId) ?? 0) + 1);
      await pause(15);
      return 0;
    };
    const actor = f.addActor({ maxWorkers: 4 });
    await f.pool.actorCreated(actor);
    await eventually(() => f.store.actors.get(actor.id)?.status === 'READY');
    const ids = Array.from({ length: 40 }, (_, i) => f.send(actor, `m${i}`).id);
    await eventually(() => ids.every((id) => f.store.executions.get(id)?.status === 'COMPLETE'), 5000);
    expect(f.executor.maxRunning).toBeGreaterThan(1);
    expect(f.executor.maxRunning).toBeLessThanOrEqual(4);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(40);
    expect(new Set(ids.map((id) => f.store.executions.get(id)?.workerId)).size).toBeGreaterThan(1);
  });

  it('gives the container the message, state and platform variables', async () => {
    await using f = poolFixture();
    await f.pool.start();
    const actor = f.addActor({ defaultEnvironment: { A: 'default', B: 'default' }, stateless: false });
    f.store.actors.setState(actor.id, { count: 2, ok: true });
    await f.pool.actorCreated(actor);
    const execution = f.mailbox.send({
      actor,
      sender: 'alice',
      contentType: 'application/json',
      body: Buffer.from(JSON.stringify({ k: 'v', n: null })),
      env: { B: 'param' },
    });
    await eventually(() => f.store.executions.get(execution.id)?.status === 'COMPLETE');
    const env = f.executor.started[0]!.env;
    expect(env.MSG).toBe("{'k': 'v', 'n': None}");
    expect(env._abaco_actor_state).toBe("{'count': 2, 'ok': True}");
    expect(env['_abaco_Content_Type']).toBe('application/json');
    expect(env).not.toHaveProperty('_abaco_Content-Type'); // the service sets only _abaco_Content_Type
    expect(env._actor_configs).toBe('{}');
    expect(env._abaco_username).toBe('alice');
    expect(env._abaco_actor_dbid).toBe(`DEV_${actor.id}`);
    expect(env._abaco_access_token).toMatch(/^[A-Za-z0-9]{40}$/);
    expect([env.A, env.B]).toEqual(['default', 'param']);
    expect(f.store.tokens.find(env._abaco_access_token!)).toBeNull(); // revoked when it ended
  });

  it('force-quits a running execution', async () => {
    await using f = poolFixture();
    await f.pool.start();
    f.executor.script = async (_spec, _hooks, stop) => {
      await pause(60_000, stop);
      return 137;
    };
    const actor = f.addActor();
    await f.pool.actorCreated(actor);
    const execution = f.send(actor, 'sleep');
    await eventually(() => f.store.executions.get(execution.id)?.status === 'RUNNING');
    expect(await f.pool.forceQuit(execution.id)).toBe(true);
    const ended = await eventually(() => {
      const e = f.store.executions.get(execution.id);
      return e?.status === 'COMPLETE' ? e : undefined;
    });
    expect(ended.exitCode).toBe(137);
    expect(ended.statusMessage).toContain('force-quit');
    expect(await f.pool.forceQuit(execution.id)).toBe(false);
  });

  it('when the engine is down, messages wait saying why, and run once it is back', async () => {
    await using f = poolFixture();
    await f.pool.start();
    const actor = f.addActor({ stateless: false });
    await f.pool.actorCreated(actor);
    await eventually(() => f.store.actors.get(actor.id)?.status === 'READY');
    f.executor.engineUp = false;
    const first = f.send(actor, 'one');
    const second = f.send(actor, 'two');
    const waiting = await eventually(() => {
      const e = f.store.executions.get(first.id);
      return e?.statusMessage.includes('fake engine is down') ? e : undefined;
    });
    expect(waiting.status).toBe('SUBMITTED');
    expect(f.pool.engineStatus).toContain('down');
    f.executor.engineUp = true;
    await eventually(() =>
      [first.id, second.id].every((id) => f.store.executions.get(id)?.status === 'COMPLETE'),
    );
    expect(f.executor.started.map((s) => s.env.MSG)).toEqual(['one', 'two']);
    expect(f.store.executions.get(first.id)?.statusMessage).toBe('');
  });

  it('an actor registered while the engine is down waits, saying why, and turns READY when it answers', async () => {
    await using f = poolFixture();
    await f.pool.start();
    f.executor.engineUp = false;
    const actor = f.addActor();
    await f.pool.actorCreated(actor);
    const waiting = await eventually(() => {
      const a = f.store.actors.get(actor.id);
      return a?.statusMessage.includes('fake engine is down') ? a : undefined;
    });
    expect(waiting.status).toBe('SUBMITTED');
    f.executor.engineUp = true;
    const ready = await eventually(() => {
      const a = f.store.actors.get(actor.id);
      return a?.status === 'READY' ? a : undefined;
    });
    expect(ready.statusMessage).toBe('');
  });

  it('recovers at start: RUNNING executions end as ERROR, claimed messages run again in order', async () => {
    await using f = poolFixture();
    const actor = f.addActor({ stateless: false });
    const interrupted = f.send(actor, 'was running');
    const queued = [f.send(actor, 'a'), f.send(actor, 'b')];
    f.mailbox.claim(actor.id, 'deadworker');
    f.store.markRunning(interrupted.id, 'deadworker');
    f.mailbox.claim(actor.id, 'deadworker'); // claimed, never started
    const report = await f.pool.start();
    expect(report.interrupted).toEqual([interrupted.id]);
    expect(report.released).toBe(1);
    const ended = f.store.executions.get(interrupted.id)!;
    expect(ended.status).toBe('ERROR');
    expect(ended.statusMessage).toBe(INTERRUPTED_MESSAGE);
    await eventually(() => queued.every((e) => f.store.executions.get(e.id)?.status === 'COMPLETE'));
    expect(f.executor.started.map((s) => s.env.MSG)).toEqual(['a', 'b']);
  });

  it('recovers at start: a claimed message whose container was being started ends as interrupted, not re-run', async () => {
    await using f = poolFixture();
    const actor = f.addActor({ stateless: false });
    const starting = f.send(actor, 'was starting');
    const queued = [f.send(actor, 'a'), f.send(actor, 'b')];
    f.mailbox.claim(actor.id, 'deadworker');
    f.store.executions.update(starting.id, { startTime: new Date().toISOString() }); // still SUBMITTED
    f.mailbox.claim(actor.id, 'deadworker'); // 'a': claimed, never started
    const report = await f.pool.start();
    expect(report.interrupted).toEqual([starting.id]);
    expect(report.released).toBe(1);
    expect(f.store.executions.get(starting.id)).toMatchObject({
      status: 'ERROR',
      statusMessage: INTERRUPTED_MESSAGE,
    });
    await eventually(() => queued.every((e) => f.store.executions.get(e.id)?.status === 'COMPLETE'));
    expect(f.executor.started.map((s) => s.env.MSG)).toEqual(['a', 'b']);
  });

  it('sends cron messages when due and advances the schedule', async () => {
    await using f = poolFixture();
    await f.pool.start();
    const actor = f.addActor({
      cronOn: true,
      cronSchedule: '2030-01-01 10 + 1 hour',
      cronNextEx: '2030-01-01 10',
    });
    await f.pool.actorCreated(actor);
    expect(f.pool.tickCron(new Date('2030-01-01T09:59:00Z'))).toEqual([]);
    expect(f.pool.tickCron(new Date('2030-01-01T10:00:30Z'))).toEqual([actor.id]);
    expect(f.store.actors.get(actor.id)?.cronNextEx).toBe('2030-1-1 11');
    await eventually(() => f.executor.started.length === 1);
    expect(f.executor.started[0]!.env.MSG).toBe(CRON_MESSAGE);
  });

  it('sends an EXECUTION_COMPLETE event to a linked actor and a webhook', async () => {
    const posted: unknown[] = [];
    const fetchStub: typeof fetch = async (_url, init) => {
      posted.push(JSON.parse(String(init?.body)));
      return new Response('ok');
    };
    await using f = poolFixture({ fetch: fetchStub });
    await f.pool.start();
    const target = f.addActor();
    const source = f.addActor({ link: target.id, webhook: 'http://127.0.0.1:9/hook' });
    await f.pool.actorCreated(target);
    await f.pool.actorCreated(source);
    f.executor.script = async () => 7;
    const execution = f.send(source, 'go');
    const events = () =>
      f.executor.started
        .filter((s) => s.actorId === target.id)
        .map((s) => parsePythonLiteral(s.env.MSG!) as Record<string, unknown>);
    const event = await eventually(
      () => events().find((e) => e.event_type === 'EXECUTION_COMPLETE'),
      3000,
      'the event',
    );
    expect(event).toMatchObject({
      event_type: 'EXECUTION_COMPLETE',
      actor_id: source.id,
      execution_id: execution.id,
      exit_code: 7,
    });
    expect(events()[0]).toMatchObject({ event_type: 'ACTOR_READY', actor_id: source.id });
    await eventually(() =>
      posted.some((p) => (p as { event_type: string }).event_type === 'EXECUTION_COMPLETE'),
    );
    expect(posted.at(-1)).toMatchObject({ event_type: 'EXECUTION_COMPLETE', execution_id: execution.id });
  });

  it('answers a synchronous message with its first result, or its logs', async () => {
    await using f = poolFixture();
    await f.pool.start();
    f.executor.script = async (spec, hooks) => {
      hooks.onLog(Buffer.from(`log of ${spec.env.MSG}\n`));
      if (spec.env.MSG === 'with result') hooks.onResult(Buffer.from([1, 2, 3]));
      return 0;
    };
    const actor = f.addActor();
    await f.pool.actorCreated(actor);
    const withResult = await f.pool.awaitExecution(f.send(actor, 'with result'), AbortSignal.timeout(3000));
    expect([...withResult.body]).toEqual([1, 2, 3]);
    expect(withResult.contentType).toBe('application/octet-stream');
    const logsOnly = await f.pool.awaitExecution(f.send(actor, 'plain'), AbortSignal.timeout(3000));
    expect(Buffer.from(logsOnly.body).toString()).toBe('log of plain\n');
  });

  it("stops an actor's running executions when it is deleted", async () => {
    await using f = poolFixture();
    await f.pool.start();
    let stopped = false;
    f.executor.script = async (_spec, _hooks, stop) => {
      await pause(60_000, stop);
      stopped = stop.aborted;
      return 137;
    };
    const actor = f.addActor();
    await f.pool.actorCreated(actor);
    const execution = f.send(actor, 'long');
    await eventually(() => f.store.executions.get(execution.id)?.status === 'RUNNING');
    f.store.deleteActor(actor.id);
    await f.pool.actorDeleted(actor.id);
    expect(stopped).toBe(true);
  });
});
