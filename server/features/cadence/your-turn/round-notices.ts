import type { Db } from '../../../db/database.js';
import { may } from '../../../privacy/authorize.js';
import type { DueDelivery } from '../deliveries/due.js';
import type { PairIndex } from '../reminders/live-pairs.js';
import { bothSides } from './viewers.js';
import { windowStart } from './window.js';

/**
 * 'round-your-turn': one side of an open round submitted recently and the other has not; to the
 * other side, once per round. 'round-revealed': both sides are in; to both, once per round.
 * Two queries; only live pairs, and only what the rules table lets the recipient open.
 */
export async function roundNotices(db: Db, pairs: PairIndex, now: Date): Promise<DueDelivery[]> {
  const since = windowStart(now);
  const rounds = await db
    .selectFrom('assessment_rounds as r')
    .innerJoin('assessments as a', 'a.round_id', 'r.id')
    .select([
      'r.id',
      'r.pm_id',
      'r.coach_id',
      'r.created_at',
      'r.revealed_at',
      'r.peers_shared',
      'r.closed_at',
      'a.side',
      'a.submitted_at',
    ])
    .where('a.side', 'in', ['self', 'coach'])
    .where((eb) =>
      eb.or([
        eb('r.revealed_at', '>', since),
        eb.and([eb('r.revealed_at', 'is', null), eb('a.submitted_at', '>', since)]),
      ]),
    )
    .execute();
  const out: DueDelivery[] = [];
  const seen = new Set<string>();
  for (const row of rounds) {
    const pair = pairs.pairOf(row.pm_id, row.coach_id);
    if (!pair || seen.has(`${row.id}:${row.side}`)) continue;
    seen.add(`${row.id}:${row.side}`);
    const round = row;
    for (const side of bothSides(pair)) {
      const mySide = side.viewer.side === 'pm' ? 'self' : 'coach';
      if (row.revealed_at) {
        if (row.side !== mySide || !may(side.viewer, 'comparison:read', { round })) continue;
        out.push({
          recipientId: side.recipientId,
          kind: 'round-revealed',
          key: `round-revealed:${row.id}:${side.recipientId}`,
          title: `Both sides are in: your wheel round with ${side.other} is revealed`,
          text: `You and ${side.other} have both submitted. See where you agree and where you differ, side by side.`,
          link: `/rounds/${row.id}`,
        });
      } else if (row.submitted_at && row.side !== mySide) {
        if (!may(side.viewer, 'assessment:write', { round, side: mySide })) continue;
        out.push({
          recipientId: side.recipientId,
          kind: 'round-your-turn',
          key: `round-your-turn:${row.id}:${side.recipientId}`,
          title: `Your turn: ${side.other} submitted their side of your wheel round`,
          text: `${side.other} has submitted. The comparison opens once you submit your side too.`,
          link: `/rounds/${row.id}`,
        });
      }
    }
  }
  return out;
}
