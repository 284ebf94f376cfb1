/**
 * Wakes the readers waiting on an execution (blocking reads of GET .../executions/{id}) when its record or its
 * log changes. The store's writes are synchronous, and waiters resume on the microtask queue, after the write
 * (and the transaction around it) is done: they read committed state.
 */
export class ExecutionChanges {
  private readonly waiters = new Map<string, Set<() => void>>();
  private released = false;

  /** The execution's record or log changed (or it was deleted). */
  changed(executionId: string): void {
    const set = this.waiters.get(executionId);
    if (!set) return;
    this.waiters.delete(executionId);
    for (const wake of set) wake();
  }

  /**
   * Resolves at the next change of the execution, after `ms`, or when `signal` aborts, whichever comes first; at
   * once after `release()`.
   */
  next(executionId: string, ms: number, signal?: AbortSignal): Promise<void> {
    if (this.released || signal?.aborted || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', wake);
        const set = this.waiters.get(executionId);
        set?.delete(wake);
        if (set?.size === 0) this.waiters.delete(executionId);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      signal?.addEventListener('abort', wake, { once: true });
      let set = this.waiters.get(executionId);
      if (!set) this.waiters.set(executionId, (set = new Set()));
      set.add(wake);
    });
  }

  /** Wakes every waiter, now and from now on (the emulator is stopping: held requests answer at once). */
  release(): void {
    this.released = true;
    for (const id of [...this.waiters.keys()]) this.changed(id);
  }

  get isReleased(): boolean {
    return this.released;
  }

  /** How many readers wait, over all executions. */
  get waiting(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }
}
