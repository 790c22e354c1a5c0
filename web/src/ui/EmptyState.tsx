import type { ReactNode } from 'react';

/** What an empty list says: why it is empty and what to do next. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}
