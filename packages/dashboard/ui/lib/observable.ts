import { useEffect, useState } from 'preact/hooks';

/** A value views can watch: the page's few pieces of shared state (tracked executions, the dev feed). */
export class Observable<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  set(next: T): void {
    if (Object.is(next, this.current)) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }

  update(change: (current: T) => T): void {
    this.set(change(this.current));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The observable's value, re-rendering the component when it changes. */
export function useObservable<T>(observable: Observable<T>): T {
  const [, setTick] = useState(0);
  useEffect(() => observable.subscribe(() => setTick((n) => n + 1)), [observable]);
  return observable.value;
}
