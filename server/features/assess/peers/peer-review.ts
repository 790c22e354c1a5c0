import type { PeerReview, PeerReviewInput } from '../../../../common/wheel-peers.js';
import type { Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import { hashToken, newId, nowIso } from '../../../util.js';
import { checkAnswers, loadAnswers, writeAnswers } from '../rounds/answers.js';
import { areaScores, missingStatements } from '../rounds/scoring.js';
import { loadVersion } from '../../define-good/frameworks/framework-versions.js';

/** The peer link's invitation with its round; refuses links that are unknown, withdrawn or expired. */
async function usablePeer(db: Db, token: string) {
  const row = await db
    .selectFrom('peer_invitations as p')
    .innerJoin('assessment_rounds as r', 'r.id', 'p.round_id')
    .innerJoin('users as pm', 'pm.id', 'r.pm_id')
    .select([
      'p.id',
      'p.name',
      'p.expires_at',
      'p.submitted_at',
      'p.revoked_at',
      'r.id as round_id',
      'r.pm_id',
      'r.title',
      'r.framework_version_id',
      'pm.name as pm_name',
    ])
    .where('p.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.revoked_at) throw new AppError('gone', 'This link was withdrawn.');
  if (!row.submitted_at && row.expires_at <= nowIso())
    throw new AppError('gone', 'This link has expired. Ask for a new one.');
  return row;
}

/** What a peer sees: whom they score and on which statements; after answering, only what they wrote. */
export async function previewPeerReview(input: { db: Db; token: string }): Promise<PeerReview> {
  const peer = await usablePeer(input.db, input.token);
  const { content } = await loadVersion(input.db, peer.framework_version_id);
  const mine = peer.submitted_at
    ? await input.db.selectFrom('assessments').select('id').where('peer_id', '=', peer.id).executeTakeFirst()
    : undefined;
  return {
    pmName: peer.pm_name,
    roundTitle: peer.title,
    status: peer.submitted_at ? 'submitted' : 'open',
    framework: {
      name: content.name,
      scale: content.scale,
      areas: content.areas.map((a) => ({
        key: a.key,
        name: a.name,
        description: a.description,
        statements: a.statements,
      })),
    },
    mine: mine ? await loadAnswers(input.db, mine.id) : null,
  };
}

/** A peer answers once, completely. Their scores go to the PM (and to the coach only if shared). */
export async function submitPeerReview(input: { db: Db; token: string; answers: PeerReviewInput }) {
  const { db, token, answers } = input;
  const peer = await usablePeer(db, token);
  if (peer.submitted_at) throw new AppError('conflict', 'You have already answered. Thank you!');
  const { content } = await loadVersion(db, peer.framework_version_id);
  checkAnswers(content, answers);
  const missing = missingStatements(content, answers.scores);
  if (missing.length)
    throw new AppError(
      'validation_failed',
      `scores: ${missing.length} statement(s) not scored yet (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`,
    );
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    const claimed = await tx
      .updateTable('peer_invitations')
      .set({ submitted_at: now })
      .where('id', '=', peer.id)
      .where('submitted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'You have already answered. Thank you!');
    const id = newId();
    await tx
      .insertInto('assessments')
      .values({
        id,
        round_id: peer.round_id,
        side: 'peer',
        author_id: null,
        peer_id: peer.id,
        next_bigger_challenge: null,
        area_scores: JSON.stringify(areaScores(content, answers.scores)),
        created_at: now,
        updated_at: now,
        submitted_at: now,
      })
      .execute();
    await writeAnswers(tx, id, answers);
    // The PM's access log shows that a peer wrote to their data (who: the peer's name, never the scores).
    await recordAccess({
      db: tx,
      grant: { pmId: peer.pm_id, actorId: `peer:${peer.id}`, action: 'peer-review:submit' },
      resource: `peer review by ${peer.name}`,
    });
  });
  return previewPeerReview({ db, token });
}
