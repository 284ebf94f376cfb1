import { describe, expect, it } from 'vitest';
import { applyDevEvent, INITIAL_DEV_STATE, type DevFeedState } from './dev-feed.js';

function fold(events: object[]): DevFeedState {
  return events.reduce<DevFeedState>((s, e) => applyDevEvent(s, e), INITIAL_DEV_STATE);
}

describe('applyDevEvent', () => {
  it('builds a round from its events: steps, the execution with its logs, result, state change, the verdict', () => {
    const s = fold([
      { type: 'round.started', round: 1, reason: 'first round' },
      { type: 'compile.finished', round: 1, ms: 12, ok: true, diagnostics: [] },
      { type: 'actor.registered', round: 1, actorId: 'A1', image: 'i', revision: 1, ms: 3 },
      { type: 'execution.started', round: 1, executionId: 'E1', fixture: 'one.json' },
      { type: 'execution.log', round: 1, executionId: 'E1', text: 'a\n' },
      { type: 'execution.log', round: 1, executionId: 'E1', text: 'b\n' },
      { type: 'execution.result', round: 1, executionId: 'E1', index: 0, bytes: 2, preview: 'ok' },
      {
        type: 'execution.completed',
        round: 1,
        executionId: 'E1',
        fixture: 'one.json',
        status: 'COMPLETE',
        exitCode: 0,
        ms: 40,
        runtimeMs: 30,
      },
      { type: 'state.changed', round: 1, executionId: 'E1', diff: [{ path: 'n', op: 'added', after: 1 }] },
      { type: 'round.finished', round: 1, ok: true, ms: 90, failed: 0 },
    ]);
    const [round] = s.rounds;
    expect(round).toMatchObject({ round: 1, actorId: 'A1', verdict: { ok: true, ms: 90, failed: 0 } });
    expect(round!.steps.map((x) => x.text)).toEqual([
      'compiled in 12 ms',
      'actor A1 registered (revision 1)',
    ]);
    expect(round!.executions[0]).toMatchObject({
      fixture: 'one.json',
      logs: 'a\nb\n',
      status: 'COMPLETE',
      exitCode: 0,
      results: [{ index: 0, bytes: 2, preview: 'ok' }],
      changes: [{ path: 'n', op: 'added', after: 1 }],
    });
  });

  it('ignores events of rounds it never saw start, and events it does not know', () => {
    const s = fold([
      { type: 'compile.finished', round: 7, ms: 1, ok: true },
      { type: 'future.thing', round: 1 },
      42,
    ]);
    expect(s).toEqual(INITIAL_DEV_STATE);
  });

  it('lists a failed compile with its diagnostics', () => {
    const s = fold([
      { type: 'round.started', round: 2, reason: 'save' },
      {
        type: 'compile.finished',
        round: 2,
        ms: 5,
        ok: false,
        diagnostics: [{ file: 'src/a.ts', line: 3, column: 4, message: 'oops' }],
      },
      { type: 'round.cancelled', round: 2, reason: 'a newer save' },
    ]);
    expect(s.rounds[0]!.steps[0]).toEqual({
      kind: 'compile',
      ok: false,
      text: 'compile failed (5 ms)',
      detail: ['src/a.ts:3:4 oops'],
    });
    expect(s.rounds[0]!.verdict).toEqual({ cancelled: 'a newer save' });
  });
});
