import { ACTORKIT_INSTANCE_LABEL, ACTORKIT_LABEL } from './docker-client.js';

/** Labels on every execution container, beside ACTORKIT_LABEL and ACTORKIT_INSTANCE_LABEL. */
export const EXECUTION_LABEL = 'org.actorkit.execution-id';
export const ACTOR_LABEL = 'org.actorkit.actor-id';
export const WORKER_LABEL = 'org.actorkit.worker-id';

/** What an execution container is labelled with: the emulator's execution, actor and worker ids. */
export interface LabelledExecution {
  executionId: string;
  actorId: string;
  workerId: string;
}

export function executionLabels(spec: LabelledExecution, instanceId: string): Record<string, string> {
  return {
    [ACTORKIT_LABEL]: 'true',
    [ACTORKIT_INSTANCE_LABEL]: instanceId,
    [EXECUTION_LABEL]: spec.executionId,
    [ACTOR_LABEL]: spec.actorId,
    [WORKER_LABEL]: spec.workerId,
  };
}
