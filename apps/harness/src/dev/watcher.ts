import { statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ignoreRules, type Ignore } from '@actorkit/project';

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
  // what running Python locally leaves behind
  '__pycache__/',
  '*.py[co]',
  '.pytest_cache/',
  '.mypy_cache/',
  '.ruff_cache/',
  '.venv/',
];

/** chokidar reports at most one change of a path per this many milliseconds, dropping the rest. */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

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
  /** Each reported file's modification time when its batch went out. */
  private reported = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

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
    watcher.on('all', (event, path) => this.record(path, event === 'change' || event === 'add'));
    watcher.on('error', (error) => this.options.onError?.(error as Error));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.watcher = watcher;
  }

  private record(path: string, isFile = true): void {
    const rel = relative(this.options.dir, path).split(sep).join('/');
    if (rel === '.dockerignore') {
      loadIgnore(this.options.dir).then(
        (rules) => (this.rules = rules),
        (error: Error) => this.options.onError?.(error),
      );
    }
    this.pending.add(rel);
    // chokidar drops a second change of a file within 50 ms of the first: look again once that window has passed.
    if (isFile) setTimeout(() => this.recheck(rel), CHOKIDAR_CHANGE_THROTTLE_MS + 15).unref();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 10);
  }

  private mtime(rel: string): number {
    try {
      return statSync(join(this.options.dir, rel)).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return -1;
      throw error;
    }
  }

  /** A change chokidar throttled away shows as a newer modification time than the last batch saw. */
  private recheck(rel: string): void {
    if (this.closed || this.pending.has(rel)) return;
    if (this.mtime(rel) !== this.reported.get(rel)) this.record(join(this.options.dir, rel));
  }

  private flush(): void {
    const files = [...this.pending].sort();
    this.pending.clear();
    for (const rel of files) this.reported.set(rel, this.mtime(rel));
    if (files.length) this.options.onBatch({ files });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher?.close();
  }
}
