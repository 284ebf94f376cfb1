/**
 * What a tenant's admin sees of the tenant: every actor with its state, permissions, nonces, executions, mailbox and
 * workers, and every alias with its permissions and nonces, as the API shows them. Taken before and after the
 * foreign identities' requests: any difference is something they changed.
 */
export async function tenantSnapshot(url: string, token: string): Promise<Map<string, string>> {
  const get = async (path: string): Promise<{ status: number; result: unknown }> => {
    const res = await fetch(`${url}/actors/v2${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { result?: unknown };
    return { status: res.status, result: body.result ?? null };
  };
  const snapshot = new Map<string, string>();
  const record = async (path: string) => {
    const { status, result } = await get(path);
    snapshot.set(path, `${status} ${JSON.stringify(result)}`);
    return result;
  };
  const actors = ((await record('?limit=100000')) ?? []) as { id: string }[];
  for (const { id } of actors) {
    for (const sub of ['', '/state', '/permissions', '/nonces', '/executions', '/messages', '/workers'])
      await record(`/${encodeURIComponent(id)}${sub}`);
  }
  const aliases = ((await record('/aliases')) ?? []) as { alias: string }[];
  for (const { alias } of aliases) {
    for (const sub of ['', '/permissions', '/nonces'])
      await record(`/aliases/${encodeURIComponent(alias)}${sub}`);
  }
  return snapshot;
}

/** The paths whose answer differs between two snapshots, with both answers (cut). */
export function snapshotDifferences(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((p) => before.get(p) !== after.get(p))
    .map(
      (p) =>
        `${p}: ${(before.get(p) ?? 'absent').slice(0, 160)} → ${(after.get(p) ?? 'absent').slice(0, 160)}`,
    );
}
