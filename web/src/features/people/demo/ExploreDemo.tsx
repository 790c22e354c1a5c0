import type { SessionState } from '../../../../../common/schemas';
import { api } from '../../../api';
import { Link, navigate } from '../../../app/router';
import { useSession } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';

type Side = 'coach' | 'pm';

/** Signs in to the demo (made if missing) as its coach or as one of its PMs; also the demo's side switch. */
export function useDemoSignIn() {
  const { setState } = useSession();
  const start = useAction((side: Side) => api<SessionState>('POST', `/api/demo?as=${side}`));
  const run = async (side: Side) => {
    const state = await start.run(side);
    if (!state) return;
    navigate('/', { replace: true });
    setState(state);
  };
  return { run, pending: start.pending, error: start.error };
}

/**
 * The way in for the curious on a new installation (the first-run page and sign-in): a demo
 * workspace with a lived-in wheel, seen as its coach or as one of its PMs.
 */
export function ExploreDemo({ onSignIn = false }: { onSignIn?: boolean }) {
  const demo = useDemoSignIn();
  return (
    <section className="card narrow" aria-labelledby="demo-heading">
      <h2 id="demo-heading">Just looking?</h2>
      <p>
        Explore a demo workspace first: a coach with four PMs and two years of quarterly rounds, with a dip, a
        stuck theme and a few perception gaps. It's clearly marked, and you can remove it at any time.
      </p>
      <FormError message={demo.error} />
      <div className="toolbar">
        <Button
          variant="secondary"
          onClick={() => void demo.run('coach')}
          pending={demo.pending}
          pendingLabel="Preparing the demo…"
        >
          Explore with demo data
        </Button>
        <Button variant="secondary" onClick={() => void demo.run('pm')} disabled={demo.pending}>
          See it as a PM
        </Button>
      </div>
      {!onSignIn && (
        <p className="hint">
          Made the demo with <code>npm run demo</code>? <Link to="/sign-in">Sign in with its password</Link>.
        </p>
      )}
    </section>
  );
}
