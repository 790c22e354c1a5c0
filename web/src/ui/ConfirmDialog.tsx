import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
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

/** A modal question before something that cannot be undone. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} pending={pending} onCancel={onCancel}>
      {(titleId) => (
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
    </Dialog>
  );
}
