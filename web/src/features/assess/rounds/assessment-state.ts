import type { Assessment, RoundDetail } from '../../../../../common/wheel-rounds';
import type { DraftPatch } from './draft-patch';

/** The answers on screen: the server's draft with any change this browser had not saved yet. */
export interface Answers {
  scores: Record<string, number>;
  notes: Record<string, string>;
  nextBiggerChallenge: string;
}

export function initialAnswers(saved: Assessment, unsaved: DraftPatch): Answers {
  const scores: Record<string, number> = { ...saved.scores };
  for (const [key, value] of Object.entries(unsaved.scores ?? {})) {
    if (value === null) delete scores[key];
    else scores[key] = value;
  }
  const notes: Record<string, string> = { ...saved.notes };
  for (const [key, value] of Object.entries(unsaved.notes ?? {})) notes[key] = value ?? '';
  const nbc =
    unsaved.nextBiggerChallenge !== undefined ? unsaved.nextBiggerChallenge : saved.nextBiggerChallenge;
  return { scores, notes, nextBiggerChallenge: nbc ?? '' };
}

/** Statements still without a score, per area (areas with none missing are left out). */
export function missingByArea(round: RoundDetail, scores: Record<string, number>) {
  return round.frameworkVersion.areas
    .map((area) => ({ area, missing: area.statements.filter((s) => scores[s.key] === undefined) }))
    .filter((x) => x.missing.length > 0);
}

/** "3 statements still need a score: Planning (2), Team (1)." */
export function missingMessage(missing: ReturnType<typeof missingByArea>) {
  const count = missing.reduce((n, x) => n + x.missing.length, 0);
  const where = missing.map((x) => `${x.area.name} (${x.missing.length})`).join(', ');
  return `${count} statement${count === 1 ? '' : 's'} still need${count === 1 ? 's' : ''} a score: ${where}.`;
}
