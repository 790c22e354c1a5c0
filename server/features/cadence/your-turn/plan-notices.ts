import type { Db } from '../../../db/database.js';
import { may } from '../../../privacy/authorize.js';
import { historyOf } from '../../plan/visions/proposal-history.js';
import type { DueDelivery } from '../deliveries/due.js';
import type { PairIndex } from '../reminders/live-pairs.js';
import { coachViewer, pmViewer } from './viewers.js';
import { windowStart } from './window.js';

const commentsPart = (at: string) => ({ part: 'comments' as const, at });

/**
 * 'suggestion-made' to the PM (a coach's suggestion still open), 'suggestion-answered' to the
 * coach who made it (accepted or declined), once each. One query. The suggestion's words are
 * coaching content: never in a title.
 */
export async function suggestionNotices(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const since = windowStart(now);
  const rows = await db
    .selectFrom('plan_suggestions as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .select(['s.id', 's.author_id', 's.status', 's.created_at', 's.decided_at', 'p.pm_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('s.status', '=', 'open'), eb('s.created_at', '>', since)]),
        eb.and([eb('s.status', 'in', ['accepted', 'declined']), eb('s.decided_at', '>', since)]),
      ]),
    )
    .execute();
  return rows.flatMap((s): DueDelivery[] => {
    const pair = pairs.pairOf(s.pm_id, s.author_id);
    if (!pair) return [];
    if (s.status === 'open') {
      if (!may(pmViewer(s.pm_id), 'plan-suggestion:see', { history: commentsPart(s.created_at) })) return [];
      return [
        {
          recipientId: s.pm_id,
          kind: 'suggestion-made',
          key: `suggestion-made:${s.id}`,
          title: `${pair.coachName} suggested a change to your plan`,
          text: `${pair.coachName} suggested a change to your development plan. Accept it with one click, or decline it with a reason.`,
          link: `/pms/${s.pm_id}/plan`,
        },
      ];
    }
    if (!may(coachViewer(pair), 'plan-suggestion:see', { history: commentsPart(s.created_at) })) return [];
    const answer = s.status === 'accepted' ? 'accepted' : 'declined';
    return [
      {
        recipientId: s.author_id,
        kind: 'suggestion-answered',
        key: `suggestion-answered:${s.id}`,
        title: `${pair.pmName} ${answer} your suggestion`,
        text: `${pair.pmName} ${answer} a suggestion you made for their development plan.`,
        link: `/pms/${s.pm_id}/plan`,
      },
    ];
  });
}

/**
 * 'plan-comment': a comment someone else left on the PM's plan (never a private note), to the PM,
 * once per comment. One query. The comment's words stay in the app.
 */
export async function commentNotices(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const rows = await db
    .selectFrom('plan_comments as c')
    .innerJoin('plans as p', 'p.id', 'c.plan_id')
    .select(['c.id', 'c.author_id', 'c.is_private', 'c.created_at', 'p.pm_id'])
    .where('c.created_at', '>', windowStart(now))
    .where('c.is_private', '=', 0)
    .execute();
  return rows.flatMap((c): DueDelivery[] => {
    // Only a current coach's comment has a live pair (the PM's own has none): no notice for one's own words.
    const pair = pairs.pairOf(c.pm_id, c.author_id);
    if (!pair) return [];
    const comment = { author_id: c.author_id, is_private: c.is_private };
    if (!may(pmViewer(c.pm_id), 'plan-comment:see', { comment, history: commentsPart(c.created_at) }))
      return [];
    return [
      {
        recipientId: c.pm_id,
        kind: 'plan-comment',
        key: `plan-comment:${c.id}`,
        title: `${pair.coachName} commented on your plan`,
        text: `${pair.coachName} left a comment on your development plan.`,
        link: `/pms/${c.pm_id}/plan`,
      },
    ];
  });
}

/**
 * 'vision-proposal': an open shared-vision proposal, to the side that agrees it (the PM for a
 * coach's proposal; each current coach who may accept it for the PM's), once each. One query.
 */
export async function visionNotices(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const rows = await db
    .selectFrom('vision_proposals')
    .select(['id', 'pm_id', 'proposed_by', 'proposed_side', 'proposed_at'])
    .where('status', '=', 'open')
    .where('proposed_at', '>', windowStart(now))
    .execute();
  return rows.flatMap((proposal): DueDelivery[] => {
    const live = pairs.byPm.get(proposal.pm_id) ?? [];
    const thing = { proposal, history: historyOf(proposal) };
    const recipients =
      proposal.proposed_side === 'coach'
        ? live
            .filter((p) => p.coachId === proposal.proposed_by)
            .map((p) => ({ id: p.pmId, viewer: pmViewer(p.pmId), other: p.coachName }))
        : live.map((p) => ({ id: p.coachId, viewer: coachViewer(p), other: p.pmName }));
    return recipients
      .filter((r) => may(r.viewer, 'vision:accept', thing))
      .map((r) => ({
        recipientId: r.id,
        kind: 'vision-proposal' as const,
        key: `vision-proposal:${proposal.id}:${r.id}`,
        title: `${r.other} proposed a shared vision: your answer is next`,
        text: `${r.other} proposed the next bigger challenge and a career direction. Agree to it, or propose a change.`,
        link: `/pms/${proposal.pm_id}/vision`,
      }));
  });
}
