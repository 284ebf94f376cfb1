/**
 * The service's own texts for authentication and authorization failures (`auth.py`, `models.py`,
 * `controllers.py`). They come first in the emulator's messages; advice may follow them. Clients match on them.
 */
export const NO_CREDENTIALS_TEXT = 'No JWT or nonce provided.';
export const ADMIN_REQUIRED_TEXT = 'Abaco Admin role required.';
export const MISSING_ROLE_TEXT = 'Not authorized -- missing required role.';
export const ACTOR_ACCESS_TEXT = 'Not authorized -- you do not have access to this actor.';
export const ALIAS_ACCESS_TEXT = 'Not authorized -- you do not have access to this alias.';
export const ALIAS_AND_ACTOR_ACCESS_TEXT =
  'Not authorized -- you do not have access to this alias and actor.';
export const ALIAS_MOVE_ACCESS_TEXT =
  'Not authorized -- you do not have UPDATE access to the actor you want to associate with this alias.';
export const aliasCreateAccessText = (actorId: string) =>
  `Not authorized -- you do not have access to ${actorId}.`;

export const NONCE_DOES_NOT_EXIST_TEXT = 'Nonce does not exist.';
export const NONCE_LEVEL_TEXT = 'Nonce does not have sufficient permissions level.';
export const NONCE_NO_USES_TEXT = 'No remaining uses left for this nonce.';
export const NONCE_NOT_FOUND_TEXT = 'Nonce not found.';

/** Another tenant's or an unknown actor, for a non-admin (`models.get_permissions`, 400). */
export const actorDoesNotExistText = (tenant: string, id: string) => `Actor ${tenant}_${id} does not exist`;
/** The same, for an admin (`ActorResource.get`, 404). */
export const noActorFoundText = (id: string) => `No actor found with identifier: ${id}.`;
/** An unknown actor named in a body (`AliasesResource.post`, 404). */
export const noActorWithIdText = (id: string) => `No actor found with id: ${id}.`;
