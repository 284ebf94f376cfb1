import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * An execution's log in a box of fixed height, so the page does not move as lines arrive. It follows the end while
 * the reader is at the end; scrolling up stops that until they scroll back down.
 */
export function LogView({ text, placeholder }: { text: string; placeholder: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [text]);
  return (
    <pre
      ref={ref}
      class="logs"
      tabIndex={0}
      aria-label="execution log"
      aria-live="off"
      data-testid="logs"
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {text || <span class="muted">{placeholder}</span>}
    </pre>
  );
}
