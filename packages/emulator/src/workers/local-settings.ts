/**
 * Settings a local actor may carry in its defaultEnvironment, read only by the emulator (the real service passes
 * them through as plain variables, so an actor registered with them still deploys unchanged):
 * - `ACTORKIT_DEV_MOUNTS`: `host:container[:ro]` binds, comma-separated — how `actorkit dev` puts fresh code into
 *   each new container without an image rebuild. Honoured only when the emulator allows dev mounts.
 * - `ACTORKIT_DEV_COMMAND` (a JSON array): the command each fresh container runs instead of the image's CMD (after
 *   its ENTRYPOINT, as `docker run IMAGE ARGS...` would) — how `actorkit dev --inspect` starts a Python actor under
 *   debugpy without changing its image. Honoured only when the emulator allows dev mounts.
 * - `ACTORKIT_PROCESS_COMMAND` (a JSON array, or words separated by spaces) and `ACTORKIT_PROCESS_CWD`: what the
 *   process executor runs for this actor.
 */
export const LOCAL_SETTINGS = {
  devMounts: 'ACTORKIT_DEV_MOUNTS',
  devCommand: 'ACTORKIT_DEV_COMMAND',
  processCommand: 'ACTORKIT_PROCESS_COMMAND',
  processCwd: 'ACTORKIT_PROCESS_CWD',
} as const;

export interface ProcessCommand {
  command: string[];
  cwd?: string;
}

export function devMounts(env: Record<string, string>, allowed: boolean): string[] {
  const raw = env[LOCAL_SETTINGS.devMounts];
  if (!allowed || !raw) return [];
  return raw
    .split(',')
    .map((m) => m.trim())
    .filter((m) => /^\/[^:]*:\/[^:]*(:ro|:rw)?$/.test(m));
}

export function devCommand(env: Record<string, string>, allowed: boolean): string[] | null {
  const raw = env[LOCAL_SETTINGS.devCommand]?.trim();
  if (!allowed || !raw) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) && parsed.length > 0 && parsed.every((p) => typeof p === 'string')
      ? parsed
      : null;
  } catch {
    return null;
  }
}

export function processCommand(env: Record<string, string>): ProcessCommand | null {
  const raw = env[LOCAL_SETTINGS.processCommand]?.trim();
  if (!raw) return null;
  let command: string[];
  if (raw.startsWith('[')) {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) return null;
    command = parsed;
  } else {
    command = raw.split(/\s+/);
  }
  const cwd = env[LOCAL_SETTINGS.processCwd];
  return cwd ? { command, cwd } : { command };
}
