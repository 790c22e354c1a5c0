import type { AssessmentDraftInput } from '../../../../../common/wheel-rounds';

/** Changes to an assessment draft not yet saved: what PUT /api/rounds/{id}/assessments/{side} takes. */
export type DraftPatch = AssessmentDraftInput;

/** `later` applied on top of `earlier` (a later change to the same field wins). */
export function mergePatch(earlier: DraftPatch, later: DraftPatch): DraftPatch {
  const merged: DraftPatch = { ...earlier };
  if (later.scores) merged.scores = { ...earlier.scores, ...later.scores };
  if (later.notes) merged.notes = { ...earlier.notes, ...later.notes };
  if (later.nextBiggerChallenge !== undefined) merged.nextBiggerChallenge = later.nextBiggerChallenge;
  return merged;
}

/** What is left of `pending` once `saved` is stored: fields changed again meanwhile stay. */
export function withoutSaved(pending: DraftPatch, saved: DraftPatch): DraftPatch {
  const rest: DraftPatch = {};
  const scores = remaining(pending.scores, saved.scores);
  const notes = remaining(pending.notes, saved.notes);
  if (scores) rest.scores = scores;
  if (notes) rest.notes = notes;
  if (pending.nextBiggerChallenge !== undefined && pending.nextBiggerChallenge !== saved.nextBiggerChallenge)
    rest.nextBiggerChallenge = pending.nextBiggerChallenge;
  return rest;
}

function remaining<V>(pending: Record<string, V> | undefined, saved: Record<string, V> | undefined) {
  if (!pending) return undefined;
  const left = Object.entries(pending).filter(
    ([key, value]) => !saved || !(key in saved) || saved[key] !== value,
  );
  return left.length ? Object.fromEntries(left) : undefined;
}

/** True when there is nothing to save. */
export const isEmptyPatch = (patch: DraftPatch) =>
  !patch.scores && !patch.notes && patch.nextBiggerChallenge === undefined;
