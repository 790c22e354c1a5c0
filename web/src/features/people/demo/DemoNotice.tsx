import '../../../styles/wheel-home.css';
import { useState } from 'react';
import { api } from '../../../api';
import { Link, navigate } from '../../../app/router';
import { useSession } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';
import { useDemoSignIn } from './ExploreDemo';

/** Inside the demo workspace: a reminder that it is made up, a way to one's own workspace, and removal. */
export function DemoNotice() {
  const { state, refresh } = useSession();
  const [open, setOpen] = useState(false);
  const remove = useAction(() => api('DELETE', '/api/demo'));
  const switchSide = useDemoSignIn();
  // The demo's coach is its admin; everyone else in it is one of the PMs.
  const asCoach = state.me?.isAdmin ?? true;
  const confirm = async () => {
    if ((await remove.run()) === undefined) return;
    setOpen(false);
    await refresh();
    navigate('/', { replace: true });
  };
  return (
    <section className="notice demo-notice" aria-labelledby="demo-notice-heading">
      <h2 id="demo-notice-heading" className="notice-title">
        You're exploring demo data
      </h2>
      <p>
        Everyone here is made up.{' '}
        {asCoach
          ? "You're the coach: open a PM's wheel to see rounds, gaps and a dip."
          : "You're one of the PMs: your wheel, your plan and what your coach sees of it."}{' '}
        Nothing you do here reaches a real workspace.
      </p>
      <div className="toolbar">
        {state.setupNeeded && (
          <Link className="button button-primary" to="/setup">
            Set up your own workspace
          </Link>
        )}
        <Button
          variant="secondary"
          pending={switchSide.pending}
          pendingLabel="Switching…"
          onClick={() => void switchSide.run(asCoach ? 'pm' : 'coach')}
        >
          {asCoach ? 'See it as a PM' : 'See it as the coach'}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Remove the demo
        </Button>
      </div>
      <FormError message={switchSide.error} />
      <ConfirmDialog
        open={open}
        title="Remove the demo workspace?"
        confirmLabel="Remove the demo"
        pending={remove.pending}
        error={remove.error}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setOpen(false);
          remove.clearError();
        }}
      >
        <p>
          The demo coach, its PMs and all their rounds are deleted, and you are signed out of the demo. Real
          workspaces are not touched.
        </p>
      </ConfirmDialog>
    </section>
  );
}
