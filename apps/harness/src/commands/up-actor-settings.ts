/**
 * `actorkit up` flags for the deployment settings that shape actor registrations, as the real service's config
 * file sets them: the default `token` (`web.default_token`, `web.{tenant}_default_token`) and the queue names
 * (`spawner.host_queues`).
 */
import type { StartEmulatorOptions } from '@actorkit/emulator';
import { UsageError } from '../usage-error.js';

export const ACTOR_SETTING_OPTIONS = {
  'default-token': { type: 'string' },
  'tenant-default-token': { type: 'string', multiple: true },
  queues: { type: 'string' },
  'allow-privileged': { type: 'boolean' },
} as const;

export const ACTOR_SETTING_HELP = `  --default-token <v>     the token of an actor registered without one, as the service's web.default_token:
                          the text as given (e.g. true or false), stored and shown as text (default: none, so
                          the boolean false)
  --tenant-default-token <TENANT=v>
                          the same for one tenant (web.<TENANT>_default_token); repeat for more tenants
  --queues <a,b>          the queue names actors may name (spawner.host_queues; default: default)
  --allow-privileged      allow privileged actors (Docker's --privileged and the Docker socket: root on this
                          machine); refused without it`;

export interface ActorSettingValues {
  'default-token'?: string;
  'tenant-default-token'?: string[];
  queues?: string;
  'allow-privileged'?: boolean;
}

export type ActorSettingOptions = Pick<
  StartEmulatorOptions,
  'defaultToken' | 'tenantDefaultTokens' | 'queues' | 'allowPrivileged'
>;

/** Reads the flags into startEmulator's options; only the flags given appear. */
export function readActorSettings(values: ActorSettingValues, command: string): ActorSettingOptions {
  const out: ActorSettingOptions = {};
  if (values['default-token'] !== undefined) out.defaultToken = values['default-token'];
  for (const pair of values['tenant-default-token'] ?? []) {
    const at = pair.indexOf('=');
    const tenant = at < 0 ? '' : pair.slice(0, at).trim();
    if (!tenant) {
      throw new UsageError(
        `--tenant-default-token takes TENANT=VALUE, e.g. DEV-STAGING=true; got "${pair}"`,
        command,
      );
    }
    out.tenantDefaultTokens = { ...out.tenantDefaultTokens, [tenant]: pair.slice(at + 1) };
  }
  if (values.queues !== undefined) {
    const queues = values.queues
      .split(',')
      .map((q) => q.trim())
      .filter((q) => q !== '');
    if (queues.length === 0) {
      throw new UsageError(`--queues takes queue names separated by commas, e.g. default,special`, command);
    }
    out.queues = queues;
  }
  if (values['allow-privileged']) out.allowPrivileged = true;
  return out;
}
