import { useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/FormError';

interface FormDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string;
  onSubmit: () => void;
  onCancel: () => void;
}

/** A modal form (native <dialog>, like ui/ConfirmDialog): a short form that starts something new. */
export function FormDialog({ open, title, children, submitLabel, pendingLabel, pending, error, onSubmit, onCancel }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
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
        <form className="form" onSubmit={submit}>
          <h2 id={titleId}>{title}</h2>
          {children}
          <FormError message={error} />
          <div className="actions">
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
              {submitLabel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
