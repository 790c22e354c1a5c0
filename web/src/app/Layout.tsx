import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { Link, navigate, usePath } from './router';
import { useSession } from './session';
import { UpdatePrompt } from './UpdatePrompt';
import { useAction } from '../ui/use-action';

/** The frame of every page: skip link, header with workspace and navigation, the main landmark. */
export function Layout({
  isPm,
  coaches,
  inbox,
  children,
}: {
  isPm: boolean;
  /** Coaches someone now: insights are for coaches and admins. */
  coaches: boolean;
  /** The inbox link with its unread count (composed by App.tsx). */
  inbox?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <UpdatePrompt />
      <Header isPm={isPm} coaches={coaches} inbox={inbox} />
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
    </>
  );
}

function Header({ isPm, coaches, inbox }: { isPm: boolean; coaches: boolean; inbox?: ReactNode }) {
  const { state } = useSession();
  const me = state.me;
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>
          <span className="brand-name">Wheelhouse</span>
          {me && <span className="workspace-name">{me.workspace.name}</span>}
          {me?.workspace.isDemo && <span className="badge">Demo data</span>}
        </Link>
        {me && <Nav isAdmin={me.isAdmin} isPm={isPm} coaches={coaches} meId={me.id} inbox={inbox} />}
      </div>
    </header>
  );
}

function Nav({
  isAdmin,
  isPm,
  coaches,
  meId,
  inbox,
}: {
  isAdmin: boolean;
  isPm: boolean;
  coaches: boolean;
  meId: string;
  inbox?: ReactNode;
}) {
  const path = usePath();
  const { refresh } = useSession();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Choosing a page closes the phone menu.
  useEffect(() => setOpen(false), [path]);
  const signOut = useAction(async () => {
    try {
      await api('POST', '/api/auth/sign-out');
    } catch (e) {
      // A session that already lapsed (401, or a stale CSRF token: 403) is as good as signed out.
      if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) throw e;
    }
    await refresh();
    // The sign-in page then offers the single sign-on provider's own sign-out, when there is one.
    navigate('/?signed-out', { replace: true });
  });
  const items = [
    { to: '/', label: 'Home', show: true },
    { to: `/pms/${meId}/wheel`, label: 'Your wheel', show: isPm },
    { to: `/pms/${meId}/self-checks`, label: 'Self-check', show: isPm },
    { to: `/pms/${meId}/plan`, label: 'Your plan', show: isPm },
    { to: `/pms/${meId}/reflections`, label: 'Reflections', show: isPm },
    { to: `/pms/${meId}/coaching-sessions`, label: 'Coaching sessions', show: isPm },
    { to: '/questions', label: 'Questions', show: true },
    { to: '/frameworks', label: 'Frameworks', show: true },
    { to: '/access-log', label: 'Access log', show: isPm },
    { to: '/insights', label: 'Insights', show: isAdmin || coaches },
    { to: '/admin', label: 'Admin', show: isAdmin },
    { to: '/account', label: 'Account', show: true },
  ].filter((item) => item.show);
  const current = items.find((item) => item.to === path)?.label;
  // Escape closes the open menu and gives focus back to its button (WAI-ARIA disclosure pattern).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <nav aria-label="Main" className="nav" data-open={open} onKeyDown={onKeyDown}>
      <div className="nav-bar">
        {inbox && <span className="nav-inbox">{inbox}</span>}
        {/* Shown on narrow screens only: the menu collapsed behind a button naming the current page. */}
        <button
          ref={toggle}
          type="button"
          className="nav-toggle"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpen((o) => !o)}
        >
          <span className="nav-toggle-icon" aria-hidden="true">
            ☰
          </span>
          <span>{current ? `Menu: ${current}` : 'Menu'}</span>
        </button>
      </div>
      <ul id="main-menu">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={path === item.to ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="nav-button"
            onClick={() => void signOut.run()}
            disabled={signOut.pending}
          >
            {signOut.pending ? 'Signing out…' : 'Sign out'}
          </button>
        </li>
      </ul>
      {signOut.error && (
        <p role="alert" className="form-error">
          {signOut.error}
        </p>
      )}
    </nav>
  );
}
