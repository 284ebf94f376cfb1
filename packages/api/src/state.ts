import { z } from 'zod';

/** getState / updateState: the actor's state, any JSON value (an empty object when never set). */
export const ActorStateSchema = z.looseObject({
  actorId: z.string().optional(),
  state: z.unknown(),
});
export type ActorState = z.output<typeof ActorStateSchema>;
