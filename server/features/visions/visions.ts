import type { Vision, VisionProposalInput, VisionVersion } from '../../../common/visions.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../../privacy/actor.js';
import { authorize } from '../../privacy/policy.js';
import { visibleSide } from '../plans/plan-policy.js';
import { newId, nowIso } from '../../util.js';
import { visibleRevealedRounds } from '../plans/wheel-reading.js';
import {
  assertCanAccept,
  assertCanWithdraw,
  canAcceptProposal,
  canWithdrawProposal,
} from './vision-policy.js';
import { isRevisitDue, revisitDueAt } from './vision-revisit.js';

interface Call {
  db: Db;
  actor: Actor | null;
  pmId: string;
}

const proposalQuery = (db: Db, pmId: string) =>
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
async function latestRoundChallenge(
  db: Db,
  actor: Actor,
  pmId: string,
  side: 'pm' | 'coach',
): Promise<Vision['latestRound']> {
  const latest = (await visibleRevealedRounds(db, actor, pmId, side)).at(-1);
  if (!latest) return null;
  const written = (s: 'self' | 'coach') =>
    latest.assessments.find((a) => a.side === s)?.next_bigger_challenge || null;
  return { roundId: latest.row.id, title: latest.row.title, coach: written('coach'), self: written('self') };
}

async function presentVision(db: Db, actor: Actor, pmId: string, side: 'pm' | 'coach'): Promise<Vision> {
  const rows = await proposalQuery(db, pmId).orderBy('v.proposed_at', 'desc').orderBy('v.id').execute();
  const agreed =
    rows
      .filter((r) => r.status === 'agreed')
      .sort((a, b) => (b.decided_at ?? '').localeCompare(a.decided_at ?? ''))[0] ?? null;
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
    latestRound: await latestRoundChallenge(db, actor, pmId, side),
    viewer: {
      side,
      canAccept: !!open && canAcceptProposal(open, side),
      canWithdraw: !!open && canWithdrawProposal(open, actor.id),
    },
  };
}

const authorizeVision = async (c: Call, action: 'vision:read' | 'vision:write') =>
  (await authorize({ db: c.db, actor: c.actor, action, pmId: c.pmId, resource: 'vision' })) as 'pm' | 'coach';

/** The shared vision: what is agreed, what is proposed by whom, when it was last revisited, its history. */
export async function getVision(input: Call): Promise<Vision> {
  const side = await authorizeVision(input, 'vision:read');
  return presentVision(input.db, input.actor!, input.pmId, side);
}

/** Either side proposes a vision (or a change to the open proposal, which it replaces). */
export async function proposeVision(input: Call & { proposal: VisionProposalInput }): Promise<Vision> {
  const { db, actor, pmId, proposal } = input;
  const side = await authorizeVision(input, 'vision:write');
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('vision_proposals')
      .set({ status: 'replaced', decided_by: actor!.id, decided_at: now })
      .where('pm_id', '=', pmId)
      .where('status', '=', 'open')
      .execute();
    await tx
      .insertInto('vision_proposals')
      .values({
        id: newId(),
        pm_id: pmId,
        next_bigger_challenge: proposal.nextBiggerChallenge,
        career_direction: proposal.careerDirection,
        note: proposal.note,
        proposed_by: actor!.id,
        proposed_side: side,
        proposed_at: now,
        status: 'open',
        decided_by: null,
        decided_at: null,
      })
      .execute();
  });
  return presentVision(db, actor!, pmId, side);
}

async function proposalOf(db: Db, pmId: string, id: string) {
  const row = await proposalQuery(db, pmId).where('v.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('That proposal');
  return row;
}

/** Settles an open proposal; a proposal settled meanwhile is a conflict. */
async function settle(db: Db, id: string, status: 'agreed' | 'withdrawn', actorId: string) {
  const done = await db
    .updateTable('vision_proposals')
    .set({ status, decided_by: actorId, decided_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'This proposal changed meanwhile. Reload the page.');
}

/**
 * Checks a proposal rule for those who may see the vision, before authorize() logs the access,
 * so a refused attempt leaves no trace; everyone else gets authorize()'s 404.
 */
async function authorizeOnProposal(
  input: Call & { proposalId: string },
  rule: (p: ProposalRow, side: 'pm' | 'coach') => void,
) {
  const side = await visibleSide(input.db, input.actor, input.pmId, 'vision:read');
  if (side) rule(await proposalOf(input.db, input.pmId, input.proposalId), side);
  return authorizeVision(input, 'vision:write');
}

/** The other side accepts the open proposal: it becomes the agreed vision. */
export async function acceptVision(input: Call & { proposalId: string }): Promise<Vision> {
  const side = await authorizeOnProposal(input, (p, s) => assertCanAccept(p, s));
  await settle(input.db, input.proposalId, 'agreed', input.actor!.id);
  return presentVision(input.db, input.actor!, input.pmId, side);
}

/** Its proposer withdraws an open proposal. */
export async function withdrawVision(input: Call & { proposalId: string }): Promise<Vision> {
  const side = await authorizeOnProposal(input, (p) => assertCanWithdraw(p, input.actor!.id));
  await settle(input.db, input.proposalId, 'withdrawn', input.actor!.id);
  return presentVision(input.db, input.actor!, input.pmId, side);
}
