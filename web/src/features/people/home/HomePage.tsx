import { useRef } from 'react';
import type { Coming } from '../../../../../common/coming';
import type { HomeSummary } from '../../../../../common/home';
import type { Round } from '../../../../../common/wheel-rounds';
import type { PulseBoard } from '../../../../../common/check-ins';
import type { Invitation } from '../../../../../common/schemas';
import { Page } from '../../../app/Page';
import { useMe } from '../../../app/session';
import { useResource } from '../../../app/use-resource';
import { firstName } from '../../../ui/format';
import { LoadError, Loading } from '../../../ui/Loading';
import { splitPairs, useMyPairs } from '../pairs/my-pairs';
import { CoachSections } from './CoachSections';
import { PmSections } from './PmSections';
import { Welcome } from './Welcome';
import { DemoNotice } from '../demo/DemoNotice';
import { ComingSection } from '../../cadence/deliveries/ComingSection';

/**
 * Home: the coach's PMs and invitations, the PM's coaches and offers; both when someone is both.
 * Dips, plan and vision hints for the person and every PM they coach come in one summary.
 */
export function HomePage() {
  const me = useMe();
  const myPairs = useMyPairs();
  const invitations = useResource<Invitation[]>('/api/invitations');
  const summary = useResource<HomeSummary>('/api/home');
  const coming = useResource<Coming>('/api/me/coming');
  // A coached PM's rounds and pulses, asked at once with the rest (the session says who is a PM before the
  // pairs answer), so the wheel section does not grow after the page is drawn.
  const coached = myPairs.pairs ? splitPairs(myPairs.pairs, me.id).myCoaches.length > 0 : me.roles.isPm;
  const rounds = useResource<Round[]>(coached ? `/api/pms/${me.id}/rounds` : null);
  const pulses = useResource<PulseBoard>(coached ? `/api/pms/${encodeURIComponent(me.id)}/pulses` : null);
  const drawn = useRef(false);
  const onPairsChanged = () => {
    myPairs.reload();
    summary.reload();
  };

  const error = myPairs.error ?? invitations.error;
  let body;
  if (error) {
    body = <LoadError error={error} retry={() => (myPairs.reload(), invitations.reload())} />;
  } else if (
    !myPairs.pairs ||
    !invitations.data ||
    (!drawn.current && [summary, coming, ...(coached ? [rounds, pulses] : [])].some(pending))
  ) {
    // The first load waits for the summary, what is coming and the rounds too (all asked at once):
    // sections that arrived later pushed the page down as it loaded (Lighthouse: layout shift 0.31
    // on a PM's home). Later reloads keep what is on screen; a failed read shows its own error.
    body = <Loading />;
  } else {
    drawn.current = true;
    const pairs = myPairs.pairs;
    const split = splitPairs(pairs, me.id);
    const isPm = split.myCoaches.length + split.offersToMe.length + split.endedAsPm.length > 0;
    const isCoach =
      pairs.some((p) => p.coach.id === me.id) || invitations.data.some((i) => i.invitedBy.id === me.id);
    const coach = (
      <CoachSections
        meId={me.id}
        pairs={pairs}
        myPms={split.myPms}
        offersISent={split.offersISent}
        invitations={invitations.data}
        summary={summary}
        onPairsChanged={onPairsChanged}
        onInvitationsChanged={invitations.reload}
      />
    );
    body = (
      <>
        {me.workspace.isDemo && <DemoNotice />}
        {!isPm && !isCoach && <Welcome me={me} />}
        <ComingSection loaded={coming} />
        {isPm && (
          <PmSections
            meId={me.id}
            myCoaches={split.myCoaches}
            offersToMe={split.offersToMe}
            summary={summary}
            rounds={rounds}
            pulses={pulses}
            onChanged={onPairsChanged}
          />
        )}
        {isPm && !isCoach ? (
          <details className="card more">
            <summary>Do you coach someone too?</summary>
            {coach}
          </details>
        ) : (
          coach
        )}
      </>
    );
  }
  return (
    <Page title="Home" heading={`Hello, ${firstName(me.name)}`}>
      {body}
    </Page>
  );
}

const pending = (resource: { data?: unknown; error?: unknown }) =>
  resource.data === undefined && resource.error === undefined;
