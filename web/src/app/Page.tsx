import { useEffect, useRef, type ReactNode } from 'react';
import { navigatedWithinApp } from './router';

interface PageProps {
  /** The first part of the window title, and the heading unless `heading` is given. */
  title: string;
  heading?: string;
  /** A short line under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
}

/** A page: sets the window title and, after in-app navigation, moves focus to the heading. */
export function Page({ title, heading: headingText, lead, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Wheelhouse`;
  }, [title]);
  useEffect(() => {
    if (navigatedWithinApp()) heading.current?.focus();
  }, []);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1} ref={heading}>
          {headingText ?? title}
        </h1>
        {lead && <p className="lead">{lead}</p>}
      </div>
      {children}
    </>
  );
}
