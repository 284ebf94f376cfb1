/** The deployment settings that shape actor registrations (the service's config file). */
export interface ActorSettings {
  /** `web.default_token`: the raw config text, or null when the deployment has none. */
  defaultToken: string | null;
  /** `web.{tenant}_default_token`, keyed by tenant (matched without regard to case, as the config file's keys are). */
  tenantDefaultTokens: Readonly<Record<string, string>>;
  /** `spawner.host_queues`: the queue names an actor may name. */
  queues: readonly string[];
  /**
   * Privileged actors may be registered (`--allow-privileged`). Off by default: a privileged container gets Docker's
   * --privileged and the Docker socket, which is root on this machine.
   */
  allowPrivileged: boolean;
}

export const DEFAULT_QUEUES: readonly string[] = ['default'];

export const DEFAULT_ACTOR_SETTINGS: ActorSettings = {
  defaultToken: null,
  tenantDefaultTokens: {},
  queues: DEFAULT_QUEUES,
  allowPrivileged: false,
};

/**
 * The `token` of an actor registered or updated without one (`auth.py get_token_default`): the tenant's configured
 * text, else the deployment's, else the boolean false. A configured value stays text, as the service stores it.
 */
export function tokenDefault(settings: ActorSettings, tenant: string): boolean | string {
  const wanted = tenant.toUpperCase();
  const forTenant = Object.entries(settings.tenantDefaultTokens).find(([t]) => t.toUpperCase() === wanted);
  return forTenant?.[1] ?? settings.defaultToken ?? false;
}
