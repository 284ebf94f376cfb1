import { loadFixtures } from '@actorkit/project';
import { runFixture } from '../run-fixtures.js';
import type { DevStep, RoundState, StepVerdict } from './step.js';

/**
 * Sends each fixture of actor.json to the registered actor, one after the other, and follows each execution: its
 * logs as they grow, its results, its end and the change it made to the state.
 */
export class FixturesStep implements DevStep {
  readonly name = 'fixtures';

  async run(round: RoundState): Promise<StepVerdict> {
    const { actor, project, signal } = round;
    if (!actor) return 'stop';
    for (const fixture of await loadFixtures(project)) {
      signal.throwIfAborted();
      const ok = await runFixture(fixture, {
        client: round.client,
        actorId: actor.id,
        round: round.round,
        stateful: !project.config.stateless,
        emit: round.emit,
        signal,
        stopWhenCancelled: round.waitsForDebugger,
      });
      if (!ok) round.failed++;
    }
    return 'continue';
  }
}
