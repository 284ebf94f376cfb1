import { z } from 'zod';
import { ACTOR_ID_PATTERN, LinksSchema, strictDisplay } from './common.js';

/** Words an alias may not be (`Alias.RESERVED_WORDS`): they are route words of the service. */
export const RESERVED_ALIAS_NAMES = [
  'executions',
  'nonces',
  'logs',
  'messages',
  'adapters',
  'admin',
] as const;

/** Characters an alias may not contain (`Alias.FORBIDDEN_CHAR`), in the service's order. */
export const FORBIDDEN_ALIAS_CHARACTERS = [
  '\\',
  ' ',
  '"',
  ':',
  '/',
  '?',
  '#',
  '[',
  ']',
  '@',
  '!',
  '$',
  '&',
  "'",
  '(',
  ')',
  '*',
  '+',
  ',',
  ';',
  '=',
] as const;

/** A list of strings as Python prints it (`str(list)`): each item in single quotes, or double when it holds one. */
function pythonList(items: readonly string[]): string {
  const repr = (s: string) =>
    s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `[${items.map(repr).join(', ')}]`;
}

/** The service's texts for a refused alias name (`AliasesResource.validate_post`, `Alias.check_*`). */
export const ALIAS_HASHID_TEXT = 'Invalid alias description. Alias cannot be an Abaco hash id.';
export const reservedAliasText = (alias: string) =>
  `${alias} is a reserved word. The following reserved words cannot be used for an alias: ${pythonList(RESERVED_ALIAS_NAMES)}.`;
export const forbiddenAliasCharacterText = (c: string) =>
  `'${c}' is a forbidden character. The following characters cannot be used for an alias: ${pythonList(FORBIDDEN_ALIAS_CHARACTERS)}.`;
export const aliasExistsText = (alias: string) => `Alias ${alias} already exists.`;
export const ALIAS_RENAME_TEXT =
  'Invalid alias update description. The alias itself cannot be updated in a PUT request.';

/** The longest alias the emulator takes (its own limit: names travel in URL paths). */
export const MAX_ALIAS_LENGTH = 128;

/**
 * The service's refusal of an alias name, or null when it takes the name. In its order: a hash id (here, any
 * 13-letter-or-digit name: the shape of the ids the emulator gives), a reserved word, then the first forbidden
 * character in the service's list order.
 */
export function aliasNameProblem(alias: string): string | null {
  if (ACTOR_ID_PATTERN.test(alias)) return ALIAS_HASHID_TEXT;
  if ((RESERVED_ALIAS_NAMES as readonly string[]).includes(alias)) return reservedAliasText(alias);
  const c = FORBIDDEN_ALIAS_CHARACTERS.find((f) => alias.includes(f));
  return c === undefined ? null : forbiddenAliasCharacterText(c);
}

/**
 * An alias name: the service's checks and texts first, then the emulator's own limits (names travel in URL paths,
 * so no control characters, not `.` or `..`, at most 128 characters). Not trimmed: a space is a forbidden character.
 */
export const AliasNameSchema = z
  .string({ error: 'alias is required: the name to give the actor' })
  .min(1, 'alias is required: the name to give the actor')
  .superRefine((alias, ctx) => {
    const problem = aliasNameProblem(alias);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    else if (alias.length > MAX_ALIAS_LENGTH)
      ctx.addIssue({ code: 'custom', message: `alias may be at most ${MAX_ALIAS_LENGTH} characters` });
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u001f\u007f]/.test(alias) || alias === '.' || alias === '..')
      ctx.addIssue({
        code: 'custom',
        message: 'alias may not contain control characters, nor be . or ..: it is used in URL paths',
      });
  });

const ActorIdField = z
  .string({ error: 'actorId is required: the id of the actor the alias points at' })
  .trim()
  .min(1, 'actorId is required: the id of the actor the alias points at');

export const AliasRequestSchema = z.object({ alias: AliasNameSchema, actorId: ActorIdField });
export type AliasRequest = z.input<typeof AliasRequestSchema>;

/** PUT /aliases/{alias}: only the target may change; a body that names `alias` is refused by the service. */
export const AliasUpdateRequestSchema = z.object({ actorId: ActorIdField, alias: z.unknown().optional() });

/** The alias display (`models.py Alias.display`) in camel case: no `tenant`, no `createTime`. */
export const aliasDisplayShape = {
  alias: z.string(),
  actorId: z.string(),
  owner: z.string(),
  _links: z.strictObject({ self: z.string(), owner: z.string(), actor: z.string() }),
};

/** What the emulator answers an alias through: the display's keys and nothing else. */
export const AliasDisplaySchema = strictDisplay(aliasDisplayShape);
export type AliasDisplay = z.input<typeof AliasDisplaySchema>;

/** An alias as a client reads it, from the same shape, lenient on what a server leaves out or adds. */
export const AliasSchema = z.looseObject({
  ...aliasDisplayShape,
  owner: aliasDisplayShape.owner.default(''),
  _links: LinksSchema.default({}),
});
export type Alias = z.output<typeof AliasSchema>;
export const AliasListSchema = z.array(AliasSchema);
