import type { Db } from '../../../db/database.js';
import type { DueDelivery } from '../deliveries/due.js';
import type { PairIndex } from './live-pairs.js';
import { CATCH_UP_MS, INVITATION_WARNING_MS, ROUND_WAIT_MS } from './reminder-rules.js';

/**
 * 'round-waiting': an unrevealed round of a live pair where one side submitted more than two days
 * ago (within the catch-up window) and the other has not, to the side that has not, once per
 * round. One query (the submitted assessments of open rounds; both submitted means revealed).
 */
export async function roundWaitingReminders(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const submitted = await db
    .selectFrom('assessments')
    .innerJoin('assessment_rounds as r', 'r.id', 'assessments.round_id')
    .select(['r.id as roundId', 'r.pm_id', 'r.coach_id', 'assessments.side', 'assessments.submitted_at'])
    .where('r.revealed_at', 'is', null)
    .where('assessments.side', 'in', ['self', 'coach'])
    .where('assessments.submitted_at', '<=', new Date(now.getTime() - ROUND_WAIT_MS).toISOString())
    .where(
      'assessments.submitted_at',
      '>',
      new Date(now.getTime() - ROUND_WAIT_MS - CATCH_UP_MS).toISOString(),
    )
    .execute();
  const byRound = new Map<string, typeof submitted>();
  for (const a of submitted) byRound.set(a.roundId, [...(byRound.get(a.roundId) ?? []), a]);
  return [...byRound.values()].flatMap((sides) => {
    const first = sides[0]!;
    if (sides.length !== 1) return [];
    const pair = pairs.pairOf(first.pm_id, first.coach_id);
    if (!pair) return [];
    const waiting =
      first.side === 'self'
        ? {
            recipientId: pair.coachId,
            title: `${pair.pmName} is waiting for your assessment`,
            text: `${pair.pmName} submitted their self-assessment. The comparison opens once you submit yours.`,
          }
        : {
            recipientId: pair.pmId,
            title: `${pair.coachName} is waiting for your self-assessment`,
            text: `${pair.coachName} submitted their assessment of you. The comparison opens once you submit yours.`,
          };
    return [
      {
        ...waiting,
        kind: 'round-waiting' as const,
        key: `round-waiting:${first.roundId}:${waiting.recipientId}`,
        link: `/rounds/${first.roundId}`,
      },
    ];
  });
}

/** 'invitation-expiring': an open invitation in its last 48 hours, to the person who invited, once. One query. */
export async function invitationExpiringReminders(db: Db, now: Date): Promise<DueDelivery[]> {
  const open = await db
    .selectFrom('invitations')
    .select(['id', 'email', 'invited_by', 'expires_at'])
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where('expires_at', '<=', new Date(now.getTime() + INVITATION_WARNING_MS).toISOString())
    .execute();
  return open.map((inv) => ({
    recipientId: inv.invited_by,
    kind: 'invitation-expiring' as const,
    key: `invitation-expiring:${inv.id}`,
    title: `Invitation for ${inv.email} expires soon`,
    text: `Your invitation for ${inv.email} expires at ${inv.expires_at.slice(0, 16).replace('T', ' ')} UTC and has not been accepted. Send a new one if it got lost.`,
    link: '/',
  }));
}
