import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { FormError } from './FormError';

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

/** A modal form: a short form that starts something new. */
export function FormDialog({
  open,
  title,
  children,
  submitLabel,
  pendingLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: FormDialogProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Dialog open={open} pending={pending} onCancel={onCancel}>
      {(titleId) => (
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
    </Dialog>
  );
}
