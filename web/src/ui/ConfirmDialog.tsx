import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Button } from './Button';
import { FormError } from './FormError';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question before something that cannot be undone (native <dialog>: focus trap, Esc and
 * focus return for free). Its content exists only while open.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, pending, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A layout effect, so the dialog is closed (and focus restored) as soon as `open` turns false.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          <div className="dialog-body">{children}</div>
          <FormError message={error} />
          <div className="actions">
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button variant="danger" onClick={onConfirm} pending={pending} pendingLabel="Working…">
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
