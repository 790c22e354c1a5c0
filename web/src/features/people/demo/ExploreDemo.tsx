import type { SessionState } from '../../../../../common/schemas';
import { api } from '../../../api';
import { navigate } from '../../../app/router';
import { useSession } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';

/** The first-run page's way in for the curious: a demo workspace with a lived-in wheel, signed in as its coach. */
export function ExploreDemo() {
  const { setState } = useSession();
  const start = useAction(() => api<SessionState>('POST', '/api/demo'));
  const run = async () => {
    const state = await start.run();
    if (!state) return;
    navigate('/', { replace: true });
    setState(state);
  };
  return (
    <section className="card narrow" aria-labelledby="demo-heading">
      <h2 id="demo-heading">Just looking?</h2>
      <p>
        Explore a demo workspace first: a coach with four PMs and two years of quarterly rounds, with a dip
        and a few perception gaps. It's clearly marked, and you can remove it at any time.
      </p>
      <FormError message={start.error} />
      <Button
        variant="secondary"
        onClick={() => void run()}
        pending={start.pending}
        pendingLabel="Preparing the demo…"
      >
        Explore with demo data
      </Button>
    </section>
  );
}
