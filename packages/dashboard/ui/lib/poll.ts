import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Never more often than this: the page must not hammer the emulator (it also runs the developer's actors). */
export const MIN_POLL_MS = 1000;

export interface Polled<T> {
  data: T | undefined;
  error: unknown;
  /** When the data was last read (ms since the epoch); 0 before the first answer. */
  at: number;
  loading: boolean;
  /** Reads now (after a change the page made), then keeps the rhythm. */
  refresh(): void;
}

/**
 * Reads `load` now and then every `ms` (at least a second) while the tab is visible: lists that the API offers no
 * blocking read for. One read at a time; a change of `deps` starts over.
 */
export function usePoll<T>(
  load: (signal: AbortSignal) => Promise<T>,
  ms: number,
  deps: unknown[],
): Polled<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; at: number; loading: boolean }>({
    data: undefined,
    error: null,
    at: 0,
    loading: true,
  });
  const kick = useRef<() => void>(() => undefined);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    setState((s) => ({ ...s, data: undefined, error: null, at: 0, loading: true }));
    const schedule = () => {
      clearTimeout(timer);
      if (abort.signal.aborted || document.hidden) return;
      timer = setTimeout(run, Math.max(MIN_POLL_MS, ms));
    };
    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      clearTimeout(timer);
      try {
        const data = await loadRef.current(abort.signal);
        if (!abort.signal.aborted) setState({ data, error: null, at: Date.now(), loading: false });
      } catch (error) {
        if (!abort.signal.aborted) setState((s) => ({ ...s, error, loading: false }));
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        void run();
      } else schedule();
    };
    const visibility = () => {
      if (!document.hidden) void run();
    };
    kick.current = () => void run();
    document.addEventListener('visibilitychange', visibility);
    void run();
    return () => {
      abort.abort();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, deps);

  const refresh = useCallback(() => kick.current(), []);
  return { ...state, refresh };
}
