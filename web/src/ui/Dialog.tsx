import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  /** While true, Esc does not close the dialog (the action is under way). */
  pending: boolean;
  onCancel: () => void;
  /** The dialog's content, given the id of its title heading. */
  children: (titleId: string) => ReactNode;
}

/**
 * A modal on the native <dialog>: focus trap, Esc and focus return for free. Its content exists
 * only while open. ConfirmDialog and FormDialog are built on it.
 */
export function Dialog({ open, pending, onCancel, children }: DialogProps) {
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
      {open && children(titleId)}
    </dialog>
  );
}
