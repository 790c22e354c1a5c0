import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { mayLeavePage } from '../ui/autosave/unsaved';

/** A tiny router on the History API: the path is external state every component can read. */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
let hasNavigated = false;

window.addEventListener('popstate', () => {
  hasNavigated = true;
  notify();
});

/** Goes to an in-app path without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === location.pathname + location.search) return;
  // Words that could not be saved: ask first (decision 057).
  if (!mayLeavePage()) return;
  hasNavigated = true;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** True once the person moved within the app (so a new page may take focus). */
export const navigatedWithinApp = () => hasNavigated;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The current path; re-renders on navigation. */
export const usePath = () => useSyncExternalStore(subscribe, () => location.pathname);

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates in-app on a plain left click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
