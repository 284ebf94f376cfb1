import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ActorProjectError, type ActorProject, type Fixture } from './actor-config.js';

/** A fixture read from disk, ready to send. */
export type LoadedFixture =
  | { name: string; kind: 'text'; body: string; env: Record<string, string> }
  | { name: string; kind: 'json'; body: unknown; env: Record<string, string> }
  | { name: string; kind: 'binary'; body: Uint8Array; env: Record<string, string> };

function kindOf(fixture: Fixture): 'json' | 'text' | 'binary' {
  if (fixture.kind) return fixture.kind;
  const ext = extname(fixture.file).toLowerCase();
  if (ext === '.json') return 'json';
  if (['.txt', '.text', '.md', '.csv', ''].includes(ext)) return 'text';
  return 'binary';
}

export async function loadFixtures(project: ActorProject): Promise<LoadedFixture[]> {
  const loaded: LoadedFixture[] = [];
  for (const fixture of project.config.fixtures) {
    const path = join(project.dir, fixture.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (cause) {
      throw new ActorProjectError(`fixture ${fixture.file} could not be read: ${(cause as Error).message}`, {
        cause,
      });
    }
    const env = Object.fromEntries(Object.entries(fixture.env).map(([k, v]) => [k, String(v)]));
    const name = fixture.name ?? fixture.file;
    const kind = kindOf(fixture);
    if (kind === 'json') {
      try {
        loaded.push({ name, kind, body: JSON.parse(bytes.toString('utf8')), env });
      } catch (cause) {
        throw new ActorProjectError(
          `fixture ${fixture.file} is not valid JSON: ${(cause as Error).message}`,
          {
            cause,
          },
        );
      }
    } else if (kind === 'text') {
      loaded.push({ name, kind, body: bytes.toString('utf8').replace(/\n$/, ''), env });
    } else {
      loaded.push({ name, kind, body: new Uint8Array(bytes), env });
    }
  }
  return loaded;
}
