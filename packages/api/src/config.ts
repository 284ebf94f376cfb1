import { z } from 'zod';
import { PermissionsDocumentSchema, type PermissionsDocument } from './permissions.js';
import { strictDisplay } from './common.js';

/**
 * Actor configs (the service's `ActorConfig`): named values, secret or not, delivered to the executions of the
 * actors (ids or aliases) that `actors` names. `actors` is one comma-separated string, stored and echoed as sent.
 */

/** Route words a config may not be named (`check_and_create_config`). */
export const RESERVED_CONFIG_NAMES = [
  'executions',
  'nonces',
  'logs',
  'messages',
  'adapters',
  'admin',
  'utilization',
] as const;

/** Characters a config name may not contain, in the service's order (the space included). */
export const FORBIDDEN_CONFIG_NAME_CHARACTERS = ":/?#[]@!$&'()*+,;= ";

/** The service's text for a reserved name, word for word. */
export function reservedConfigNameText(name: string): string {
  return `${name} is a reserved word. The following reserved words cannot be used for a config: ['${RESERVED_CONFIG_NAMES.join("', '")}'].`;
}

/** The service's text for a forbidden character, word for word. */
export function forbiddenConfigCharacterText(c: string): string {
  return `'${c}' is a forbidden character. The following characters cannot be used for a config name: [${FORBIDDEN_CONFIG_NAME_CHARACTERS}].`;
}

/** Why a config name is refused (the service's text), or null when it may be used. */
export function configNameProblem(name: string): string | null {
  if ((RESERVED_CONFIG_NAMES as readonly string[]).includes(name)) return reservedConfigNameText(name);
  for (const c of name) {
    if (FORBIDDEN_CONFIG_NAME_CHARACTERS.includes(c)) return forbiddenConfigCharacterText(c);
  }
  return null;
}

/** The four fields of a config, each required on create and on update (the service's full request parser). */
export const CONFIG_REQUEST_FIELDS = ['name', 'value', 'isSecret', 'actors'] as const;
export type ConfigRequestField = (typeof CONFIG_REQUEST_FIELDS)[number];

/** What `inputs.boolean` accepts: a boolean, or true/1/false/0 in any case. */
const FORM_TRUE = new Set(['true', '1']);
const FORM_FALSE = new Set(['false', '0']);

export const ConfigSecretFlagSchema = z.preprocess(
  (v) => {
    if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
    if (typeof v !== 'string') return v;
    const t = v.trim().toLowerCase();
    if (FORM_TRUE.has(t)) return true;
    if (FORM_FALSE.has(t)) return false;
    return v;
  },
  z.boolean({ error: 'must be a boolean: true or false (or "True", "false", 1, 0)' }),
);

/** A text field the service reads with `str`: numbers and booleans are written as Python writes them. */
const configText = () =>
  z.preprocess(
    (v) => {
      if (typeof v === 'boolean') return v ? 'True' : 'False';
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      return v;
    },
    z.string({ error: 'must be a string' }),
  );

/** `POST /configs` and `PUT /configs/{name}` bodies (JSON or form, either key case). */
export const ConfigRequestSchema = z.object({
  name: configText(),
  value: configText(),
  isSecret: ConfigSecretFlagSchema,
  /** Comma-separated actor ids and/or aliases, e.g. `"abc,my-alias"`. */
  actors: configText(),
});
export type ConfigRequest = z.input<typeof ConfigRequestSchema>;
export type ConfigRequestParsed = z.output<typeof ConfigRequestSchema>;

/** The displayed config (`ActorConfig.display`: everything but `tenant`). One shape for both schemas below. */
const configDisplayShape = {
  name: z.string(),
  /** For a secret, the ciphertext (the service returns what it stores); the container gets the plain value. */
  value: z.string(),
  isSecret: z.boolean(),
  actors: z.string(),
};

/** What the emulator answers with: exactly these keys. */
export const ConfigDisplaySchema = strictDisplay(configDisplayShape);
export type ConfigDisplay = z.output<typeof ConfigDisplaySchema>;
export const ConfigDisplayListSchema = z.array(ConfigDisplaySchema);

/** What the client reads: the same keys, lenient about missing ones and keeping any the server adds. */
export const ConfigSchema = z.looseObject({
  ...configDisplayShape,
  value: configDisplayShape.value.default(''),
  isSecret: configDisplayShape.isSecret.default(false),
  actors: configDisplayShape.actors.default(''),
});
export type Config = z.output<typeof ConfigSchema>;
export const ConfigListSchema = z.array(ConfigSchema);

/** A config's permissions as the service shows them: the flat map of user to level every document has. */
export const ConfigPermissionsSchema = PermissionsDocumentSchema;
export type ConfigPermissions = PermissionsDocument;

/**
 * The entries of a config's `actors` string: split on commas and stripped, as the service reads them (an empty
 * entry stays, and names no actor).
 */
export function configActorEntries(actors: string): string[] {
  return actors.split(',').map((a) => a.trim());
}
