import type { RoundTraits, TraitWordsInput } from '../../../../common/round-traits.js';
import type { AssessmentSide } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may } from '../../../privacy/authorize.js';
import { assessmentSideOf, type Viewer } from '../../../privacy/rules.js';
import { nowIso } from '../../../util.js';
import { loadVersion } from '../../define-good/frameworks/framework-versions.js';
import { findRound, type RoundRow } from './round-queries.js';

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
  roundId: string;
}

const sides: AssessmentSide[] = ['self', 'coach'];

/**
 * The traits of a round's framework with each side's words, as the viewer may see them: their own
 * side always, the other side once the round is revealed (the rules' 'own assessment or round
 * revealed', the same as the scores). Logs nothing; callers log once.
 */
export async function presentRoundTraits(db: Db, round: RoundRow, viewer: Viewer): Promise<RoundTraits> {
  const { content } = await loadVersion(db, round.framework_version_id);
  const visible = {
    self: may(viewer, 'assessment:see', { round, side: 'self' }),
    coach: may(viewer, 'assessment:see', { round, side: 'coach' }),
  };
  const shown = sides.filter((s) => visible[s]);
  const rows = shown.length
    ? await db
        .selectFrom('round_traits')
        .select(['side', 'trait_key', 'words'])
        .where('round_id', '=', round.id)
        .where('side', 'in', shown)
        .execute()
    : [];
  const wordsOf = (side: AssessmentSide, key: string) =>
    rows.find((r) => r.side === side && r.trait_key === key)?.words ?? null;
  return {
    roundId: round.id,
    viewerSide: assessmentSideOf(round, viewer),
    traits: content.traits.map((t) => ({
      key: t.key,
      name: t.name,
      description: t.description,
      self: visible.self ? wordsOf('self', t.key) : null,
      coach: visible.coach ? wordsOf('coach', t.key) : null,
    })),
    visible,
  };
}

/** The round of this PM (the path's round id tied to the path's PM), or a 404. */
async function roundOfPm(db: Db, pmId: string, roundId: string) {
  const round = await findRound(db, roundId);
  if (!round || round.pm_id !== pmId) throw notFound();
  return round;
}

/** A round's traits in words for the viewer (their side; both once revealed). */
export async function readRoundTraits(input: Call): Promise<RoundTraits> {
  const { db, pmId } = input;
  const round = await roundOfPm(db, pmId, input.roundId);
  const grant = await authorize({ ...input, action: 'round:read', thing: { round } });
  const traits = await presentRoundTraits(db, round, grant);
  await recordAccess({ db, grant, resource: `traits in words in "${round.title}"` });
  return traits;
}

/** One side writes its words about the traits, with its assessment, while that is still a draft. */
export async function writeRoundTraits(input: Call & { input: TraitWordsInput }): Promise<RoundTraits> {
  const { db, pmId } = input;
  const round = await roundOfPm(db, pmId, input.roundId);
  const reader = await authorize({ ...input, action: 'round:read', thing: { round } });
  const side = assessmentSideOf(round, reader) ?? 'self';
  const grant = await authorize({ ...input, action: 'round-traits:write', thing: { round, side } });
  const { content } = await loadVersion(db, round.framework_version_id);
  const known = new Set(content.traits.map((t) => t.key));
  const unknown = Object.keys(input.input.words).filter((k) => !known.has(k));
  if (unknown.length)
    throw new AppError(
      'validation_failed',
      `words: ${unknown.join(', ')} is not a trait of this round's framework`,
    );
  await db.transaction().execute(async (tx) => {
    // The assessment's row lock orders this against a submit of the same side.
    const draft = await tx
      .updateTable('assessments')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('round_id', '=', round.id)
      .where('side', '=', side)
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    if (Number(draft.numUpdatedRows) !== 1)
      throw new AppError(
        'conflict',
        'This assessment is already submitted; its traits in words stay as they were written.',
      );
    const at = nowIso();
    for (const [key, words] of Object.entries(input.input.words)) {
      await tx
        .deleteFrom('round_traits')
        .where('round_id', '=', round.id)
        .where('side', '=', side)
        .where('trait_key', '=', key)
        .execute();
      if (words)
        await tx
          .insertInto('round_traits')
          .values({ round_id: round.id, side, trait_key: key, words, updated_at: at })
          .execute();
    }
  });
  const traits = await presentRoundTraits(db, round, grant);
  await recordAccess({ db, grant, resource: `${side} traits in words in "${round.title}"` });
  return traits;
}
