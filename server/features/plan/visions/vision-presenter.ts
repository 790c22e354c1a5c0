import type { Vision, VisionVersion } from '../../../../common/visions.js';
import type { Db } from '../../../db/database.js';
import { may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { historyOf } from './proposal-history.js';
import { visibleRounds } from '../../../privacy/visible-rounds.js';
import { isRevisitDue, revisitDueAt } from './vision-revisit.js';

/** The PM's vision proposals with who proposed and who decided them. */
export const proposalQuery = (db: Db, pmId: string) =>
  db
    .selectFrom('vision_proposals as v')
    .innerJoin('users as proposer', 'proposer.id', 'v.proposed_by')
    .leftJoin('users as decider', 'decider.id', 'v.decided_by')
    .selectAll('v')
    .select([
      'proposer.name as proposer_name',
      'proposer.email as proposer_email',
      'decider.name as decider_name',
      'decider.email as decider_email',
    ])
    .where('v.pm_id', '=', pmId);

type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalQuery>['executeTakeFirstOrThrow']>>;

const presentVersion = (r: ProposalRow): VisionVersion => ({
  id: r.id,
  nextBiggerChallenge: r.next_bigger_challenge,
  careerDirection: r.career_direction,
  note: r.note,
  proposedBy: { id: r.proposed_by, name: r.proposer_name, email: r.proposer_email },
  proposedBySide: r.proposed_side,
  proposedAt: r.proposed_at,
  status: r.status,
  decidedBy: r.decided_by
    ? { id: r.decided_by, name: r.decider_name ?? '', email: r.decider_email ?? '' }
    : null,
  decidedAt: r.decided_at,
});

/** The Next Bigger Challenge both sides wrote in the latest revealed round the viewer may see. */
async function latestRoundChallenge(db: Db, viewer: Viewer): Promise<Vision['latestRound']> {
  const latest = await visibleRounds(db, viewer, { revealedOnly: true })
    .select(['r.id', 'r.title'])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  const written = await db
    .selectFrom('assessments')
    .select(['side', 'next_bigger_challenge'])
    .where('round_id', '=', latest.id)
    .execute();
  const by = (side: 'self' | 'coach') => written.find((a) => a.side === side)?.next_bigger_challenge || null;
  return { roundId: latest.id, title: latest.title, coach: by('coach'), self: by('self') };
}

/** The vision as the viewer sees it: agreed, open proposal, history, and what the viewer may do next. */
export async function presentVision(db: Db, viewer: Viewer): Promise<Vision> {
  const { pmId } = viewer;
  const all = await proposalQuery(db, pmId).orderBy('v.proposed_at', 'desc').orderBy('v.id').execute();
  const agreed =
    all
      .filter((r) => r.status === 'agreed')
      .sort((a, b) => (b.decided_at ?? '').localeCompare(a.decided_at ?? ''))[0] ?? null;
  // The agreed vision is the PM's and every current coach reads it; proposals and history from
  // before a new coach's pairing are hidden unless the PM shared them (decision 038).
  const rows = all.filter(
    (r) => r === agreed || may(viewer, 'vision-proposal:see', { history: historyOf(r) }),
  );
  const open = rows.find((r) => r.status === 'open') ?? null;
  const lastRevisitedAt = agreed?.decided_at ?? null;
  return {
    pmId,
    agreed: agreed && presentVersion(agreed),
    proposal: open && presentVersion(open),
    lastRevisitedAt,
    revisitDueAt: revisitDueAt(lastRevisitedAt),
    revisitDue: isRevisitDue(lastRevisitedAt),
    history: rows.map(presentVersion),
    latestRound: await latestRoundChallenge(db, viewer),
    viewer: {
      side: viewer.side,
      canAccept: !!open && may(viewer, 'vision:accept', { proposal: open, history: historyOf(open) }),
      canWithdraw: !!open && may(viewer, 'vision:withdraw', { proposal: open, history: historyOf(open) }),
    },
  };
}
