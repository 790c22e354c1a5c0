import { createContext, useContext, type ReactNode } from 'react';
import type { Pair } from '../../../../../common/schemas';
import type { ApiError } from '../../../api';
import { useResource } from '../../../app/use-resource';

interface MyPairs {
  pairs: Pair[] | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

const MyPairsContext = createContext<MyPairs>({
  pairs: undefined,
  error: undefined,
  loading: true,
  reload: () => {},
});

/**
 * The signed-in person's pairs (as coach and as PM), loaded once for the whole app: the
 * navigation needs them (Access log is for PMs) and so does the home page. Mount it keyed by
 * the person, so another sign-in starts afresh.
 */
export function MyPairsProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const { data, error, loading, reload } = useResource<Pair[]>(signedIn ? '/api/pairs' : null);
  return (
    <MyPairsContext.Provider value={{ pairs: data, error, loading, reload }}>
      {children}
    </MyPairsContext.Provider>
  );
}

export const useMyPairs = () => useContext(MyPairsContext);

/** Whether the person is (or was) coached: a PM has a wheel, a plan and an access log. */
export const isPmIn = (pairs: Pair[] | undefined, meId: string) =>
  pairs?.some((p) => p.pm.id === meId && p.status !== 'pending') ?? false;

/** Whether the person coaches someone now: the insights page is for coaches (and admins). */
export const coachesIn = (pairs: Pair[] | undefined, meId: string) =>
  pairs?.some((p) => p.coach.id === meId && p.status === 'active') ?? false;

// A declined offer stays on the coach's home for two weeks, so it does not just vanish.
const isRecent = (iso: string | null) => iso !== null && Date.now() - Date.parse(iso) < 14 * 24 * 3600 * 1000;

/** The pairs split by the side the person is on. */
export function splitPairs(pairs: Pair[], meId: string) {
  const asCoach = pairs.filter((p) => p.coach.id === meId);
  const asPm = pairs.filter((p) => p.pm.id === meId);
  return {
    myPms: asCoach.filter((p) => p.status === 'active'),
    offersISent: asCoach.filter(
      (p) => p.status === 'pending' || (p.status === 'declined' && isRecent(p.endedAt)),
    ),
    myCoaches: asPm.filter((p) => p.status === 'active'),
    offersToMe: asPm.filter((p) => p.status === 'pending'),
    endedAsPm: asPm.filter((p) => p.status === 'ended'),
  };
}
