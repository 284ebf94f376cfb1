import { z } from 'zod';

/**
 * getState (`ActorStateResource.get`): `{state}`, any JSON value (an empty object when never set). updateState
 * answers the whole actor instead, which also carries `state`.
 */
const actorStateShape = {
  state: z.unknown(),
};
export const ActorStateDisplaySchema = z.strictObject(actorStateShape);

/** The state as a client reads it; other keys (the actor's, after updateState) are kept as sent. */
export const ActorStateSchema = z.looseObject(actorStateShape);
export type ActorState = z.output<typeof ActorStateSchema>;
