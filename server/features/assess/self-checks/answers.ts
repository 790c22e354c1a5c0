import type { SelfCheckDraftInput } from '../../../../common/self-checks.js';
import type { FrameworkContent } from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { isOnScale } from '../rounds/scoring.js';

/** The framework version narrowed to the areas the PM chose for this self-check. */
export function chosenContent(content: FrameworkContent, row: { areas: string }): FrameworkContent {
  const chosen = new Set(JSON.parse(row.areas) as string[]);
  return { ...content, areas: content.areas.filter((a) => chosen.has(a.key)) };
}

/** The answers of a self-check: statement scores and a line of words per trait. */
export async function loadAnswers(db: Db, selfCheckId: string) {
  const [scores, traits] = await Promise.all([
    db
      .selectFrom('self_check_scores')
      .select(['statement_key', 'score'])
      .where('self_check_id', '=', selfCheckId)
      .execute(),
    db
      .selectFrom('self_check_traits')
      .select(['trait_key', 'words'])
      .where('self_check_id', '=', selfCheckId)
      .execute(),
  ]);
  return {
    scores: Object.fromEntries(scores.map((r) => [r.statement_key, Number(r.score)])) as Record<
      string,
      number
    >,
    traits: Object.fromEntries(traits.map((r) => [r.trait_key, r.words])) as Record<string, string>,
  };
}

/** Checks a draft against the chosen areas and the version's traits, naming the first bad field. */
export function checkDraft(content: FrameworkContent, draft: SelfCheckDraftInput) {
  const statements = new Set(content.areas.flatMap((a) => a.statements.map((s) => s.key)));
  const traits = new Set(content.traits.map((t) => t.key));
  const { min, max } = content.scale;
  for (const [key, score] of Object.entries(draft.scores ?? {})) {
    if (!statements.has(key))
      throw new AppError('validation_failed', `scores.${key}: is not a statement of the areas you chose`);
    if (score !== null && !isOnScale(content.scale, score))
      throw new AppError('validation_failed', `scores.${key}: must be a whole number from ${min} to ${max}`);
  }
  for (const key of Object.keys(draft.traits ?? {}))
    if (!traits.has(key))
      throw new AppError('validation_failed', `traits.${key}: is not a trait of your wheel`);
}

/**
 * Writes a partial draft in one transaction, refusing a submitted self-check (the conditional
 * update takes the row's lock, so a save racing a submit cannot slip in after it).
 */
export function writeDraft(db: Db, id: string, draft: SelfCheckDraftInput, now: string) {
  return db.transaction().execute(async (tx) => {
    const locked = await tx
      .updateTable('self_checks')
      .set({ updated_at: now })
      .where('id', '=', id)
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'This self-check is already submitted and can no longer change.');
    const scores = Object.entries(draft.scores ?? {});
    const set = scores.flatMap(([statement_key, score]) =>
      score === null ? [] : [{ self_check_id: id, statement_key, score }],
    );
    const clear = scores.filter(([, s]) => s === null).map(([k]) => k);
    if (set.length)
      await tx
        .insertInto('self_check_scores')
        .values(set)
        .onConflict((oc) =>
          oc
            .columns(['self_check_id', 'statement_key'])
            .doUpdateSet((eb) => ({ score: eb.ref('excluded.score') })),
        )
        .execute();
    if (clear.length)
      await tx
        .deleteFrom('self_check_scores')
        .where('self_check_id', '=', id)
        .where('statement_key', 'in', clear)
        .execute();
    const traits = Object.entries(draft.traits ?? {}).map(([k, v]) => [k, v?.trim() || null] as const);
    const words = traits.flatMap(([trait_key, w]) =>
      w === null ? [] : [{ self_check_id: id, trait_key, words: w }],
    );
    const cleared = traits.filter(([, w]) => w === null).map(([k]) => k);
    if (words.length)
      await tx
        .insertInto('self_check_traits')
        .values(words)
        .onConflict((oc) =>
          oc
            .columns(['self_check_id', 'trait_key'])
            .doUpdateSet((eb) => ({ words: eb.ref('excluded.words') })),
        )
        .execute();
    if (cleared.length)
      await tx
        .deleteFrom('self_check_traits')
        .where('self_check_id', '=', id)
        .where('trait_key', 'in', cleared)
        .execute();
  });
}
