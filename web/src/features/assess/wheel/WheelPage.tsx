import type { Round } from '../../../../../common/wheel-rounds';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { LoadError, Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { PmDipsList } from './DipsList';
import { HistorySection } from './HistorySection';
import { usePm } from '../../people/pairs/use-pm';
import { CurrentRound } from '../rounds/CurrentRound';
import { RoundList } from '../rounds/RoundList';
import '../../../styles/wheel.css';

/** `/pms/{id}/wheel`: a PM's wheel over time: the round under way, dips, past rounds, history, export. */
export default function WheelPage({ pmId }: { pmId: string }) {
  const pm = usePm(pmId);
  const rounds = useResource<Round[]>(`/api/pms/${encodeURIComponent(pmId)}/rounds`);
  if (rounds.error && [400, 403, 404].includes(rounds.error.status)) return <NotFoundPage />;
  if (rounds.error) return <LoadError error={rounds.error} retry={rounds.reload} />;
  if (!rounds.data) return <Loading />;
  const list = rounds.data;
  const open = list.find((r) => r.status === 'open');
  const revealed = list.filter((r) => r.status === 'revealed');
  return (
    <Page
      title={pm.isMe ? 'Your wheel' : `${pm.name}'s wheel`}
      lead={
        pm.isMe
          ? 'Where you stand on each skill area, as you see it and as your coach sees it, round after round. Only you and your current coaches see it.'
          : `Where ${pm.first} stands, as they see it and as you see it. Only ${pm.first} and their current coaches see it.`
      }
    >
      <Section title="This round">
        <CurrentRound pmId={pmId} open={open} hasRounds={list.length > 0} onStarted={rounds.reload} />
      </Section>
      {revealed.length > 0 && (
        <Section
          title="Dips to talk about"
          intro="A clear drop in a self-score in the latest round or self-check: often a sign of something else going on. A topic for the next conversation."
        >
          <PmDipsList pm={{ id: pmId, name: pm.isMe ? null : pm.first }} />
        </Section>
      )}
      <Section title="Past rounds">
        <RoundList rounds={revealed} />
      </Section>
      <HistorySection pmId={pmId} isMe={pm.isMe} />
      <p className="hint">
        <Link to={`/pms/${pmId}/self-checks`}>
          {pm.isMe
            ? 'Take a self-check, or share one with your coach'
            : `Self-checks ${pm.first} shared with you`}
        </Link>
      </p>
      <p className="hint">
        <a href={`/api/pms/${encodeURIComponent(pmId)}/wheel/export`} download>
          Download {pm.isMe ? 'your' : `${pm.first}'s`} wheel as JSON
        </a>{' '}
        (every round you may see, with notes).
      </p>
    </Page>
  );
}
