import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ConfirmRequest } from '../app-context.js';

interface Pending extends ConfirmRequest {
  resolve(ok: boolean): void;
}

/**
 * The one confirmation dialog: a native modal `<dialog>` (focus kept inside, Escape cancels), Cancel focused first
 * so Enter never deletes by accident.
 */
export function useConfirmHost() {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve })),
    [],
  );
  const host = <ConfirmDialog pending={pending} done={() => setPending(null)} />;
  return { confirm, host };
}

function ConfirmDialog({ pending, done }: { pending: Pending | null; done: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!pending && dialog.open) dialog.close();
  }, [pending]);
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    done();
  };
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      {pending ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            answer(true);
          }}
        >
          <h2 id="confirm-title">{pending.title}</h2>
          <p>{pending.body}</p>
          <div class="buttons">
            <button type="button" ref={cancelRef} onClick={() => answer(false)}>
              Cancel
            </button>
            <button type="submit" class="danger" id="confirm-action">
              {pending.action}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
