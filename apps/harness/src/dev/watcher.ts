import type { Stats } from 'node:fs';
import { relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ignoreRules, type Ignore } from '@actorkit/build';

/** Files no save should react to: editor temp files, build output, dependencies, our own state. */
const ALWAYS_IGNORED = [
  'node_modules/',
  'dist/',
  '.actorkit/',
  '.git/',
  '*.swp',
  '*.swo',
  '*.swx',
  '*~',
  '.#*',
  '#*#',
  '4913',
  '.DS_Store',
  '*.tmp',
  '.*.kate-swp',
  '___jb_tmp___',
  '___jb_old___',
];

/** The paths a change was seen at, relative to the watched folder, after one quiet period. */
export interface ChangeBatch {
  files: string[];
}

export interface ActorWatcherOptions {
  dir: string;
  /** Quiet time after the last change before a batch is reported. */
  debounceMs?: number;
  onBatch: (batch: ChangeBatch) => void;
  onError?: (error: Error) => void;
}

/** The ignore rules for a folder: ours plus its `.dockerignore`. */
export function loadIgnore(dir: string): Promise<Ignore> {
  return ignoreRules(dir, ALWAYS_IGNORED);
}

/**
 * Watches an actor's folder and reports debounced batches of changed files, skipping what `.dockerignore` and
 * editors' temp files would make noise of.
 */
export class ActorWatcher implements AsyncDisposable {
  private watcher: FSWatcher | undefined;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly options: ActorWatcherOptions,
    private rules: Ignore,
  ) {}

  static async start(options: ActorWatcherOptions): Promise<ActorWatcher> {
    const w = new ActorWatcher(options, await loadIgnore(options.dir));
    await w.open();
    return w;
  }

  private isIgnored(path: string, stats?: Stats): boolean {
    const rel = relative(this.options.dir, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return false;
    if (this.rules.ignores(rel)) return true;
    // Directory rules (`dist/`) match only with the slash; chokidar may ask before it knows what the path is.
    return (stats === undefined || stats.isDirectory()) && this.rules.ignores(`${rel}/`);
  }

  private async open(): Promise<void> {
    const watcher = watch(this.options.dir, {
      ignoreInitial: true,
      ignored: (path, stats) => this.isIgnored(path, stats),
      awaitWriteFinish: false,
    });
    watcher.on('all', (_event, path) => this.record(path));
    watcher.on('error', (error) => this.options.onError?.(error as Error));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.watcher = watcher;
  }

  private record(path: string): void {
    const rel = relative(this.options.dir, path).split(sep).join('/');
    if (rel === '.dockerignore') {
      loadIgnore(this.options.dir).then(
        (rules) => (this.rules = rules),
        (error: Error) => this.options.onError?.(error),
      );
    }
    this.pending.add(rel);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 60);
  }

  private flush(): void {
    const files = [...this.pending].sort();
    this.pending.clear();
    if (files.length) this.options.onBatch({ files });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
  }
}
