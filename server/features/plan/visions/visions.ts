import type { Vision, VisionProposalInput } from '../../../../common/visions.js';
import type { Db } from '../../../db/database.js';
import { uniquely } from '../../../db/unique.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may, type Grant } from '../../../privacy/authorize.js';
import { historyOf } from './proposal-history.js';
import { newId, nowIso } from '../../../util.js';
import { presentVision, proposalQuery } from './vision-presenter.js';

/** The shared vision: either side proposes; agreement takes the other side (see privacy/rules.ts). */

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
}

/** The last step of a granted vision request: presents the vision, logs the access once, answers. */
async function answer(db: Db, grant: Grant): Promise<Vision> {
  const vision = await presentVision(db, grant);
  await recordAccess({ db, grant, resource: 'vision' });
  return vision;
}

/** The shared vision: what is agreed, what is proposed by whom, when it was last revisited, its history. */
export async function getVision(input: Call): Promise<Vision> {
  const { db, actor, pmId } = input;
  return answer(db, await authorize({ db, actor, action: 'vision:read', pmId }));
}

/** Either side proposes a vision (or a change to the open proposal, which it replaces). */
export async function proposeVision(input: Call & { proposal: VisionProposalInput }): Promise<Vision> {
  const { db, actor, pmId, proposal } = input;
  const grant = await authorize({ db, actor, action: 'vision:propose', pmId });
  const now = nowIso();
  // The new proposal replaces the open one; of two made at the same moment, the unique index
  // (one open per PM) keeps the first and the second hears 409.
  const race = () =>
    new AppError('conflict', 'Another proposal was made at the same moment. Reload the page to see it.');
  await uniquely(
    () =>
      db.transaction().execute(async (tx) => {
        await tx
          .updateTable('vision_proposals')
          .set({ status: 'replaced', decided_by: grant.actorId, decided_at: now })
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
            proposed_by: grant.actorId,
            proposed_side: grant.side,
            proposed_at: now,
            status: 'open',
            decided_by: null,
            decided_at: null,
          })
          .execute();
      }),
    race,
  );
  return answer(db, grant);
}

/**
 * An open proposal, for someone who may see the vision (everyone else gets the rules' 404 before
 * learning anything). A settled proposal is a conflict, whoever asks: both sides can see it.
 */
async function openProposal(input: Call & { proposalId: string }) {
  const { db, actor, pmId } = input;
  const reader = await authorize({ db, actor, action: 'vision:read', pmId });
  const proposal = await proposalQuery(db, pmId).where('v.id', '=', input.proposalId).executeTakeFirst();
  // A proposal from before a new coach's pairing does not exist for them unless the PM shared it.
  if (!proposal || !may(reader, 'vision-proposal:see', { history: historyOf(proposal) })) throw notFound();
  if (proposal.status !== 'open')
    throw new AppError('conflict', `This proposal is no longer open (it was ${proposal.status}).`);
  return proposal;
}

/** Settles an open proposal; a proposal settled meanwhile is a conflict. */
async function settle(db: Db, id: string, status: 'agreed' | 'withdrawn', grant: Grant) {
  const done = await db
    .updateTable('vision_proposals')
    .set({ status, decided_by: grant.actorId, decided_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'This proposal changed meanwhile. Reload the page.');
}

/** The other side accepts the open proposal: it becomes the agreed vision. */
export async function acceptVision(input: Call & { proposalId: string }): Promise<Vision> {
  const { db, actor, pmId } = input;
  const proposal = await openProposal(input);
  const grant = await authorize({
    db,
    actor,
    action: 'vision:accept',
    pmId,
    thing: { proposal, history: historyOf(proposal) },
  });
  await settle(db, proposal.id, 'agreed', grant);
  return answer(db, grant);
}

/** Its proposer withdraws an open proposal. */
export async function withdrawVision(input: Call & { proposalId: string }): Promise<Vision> {
  const { db, actor, pmId } = input;
  const proposal = await openProposal(input);
  const grant = await authorize({
    db,
    actor,
    action: 'vision:withdraw',
    pmId,
    thing: { proposal, history: historyOf(proposal) },
  });
  await settle(db, proposal.id, 'withdrawn', grant);
  return answer(db, grant);
}
