import type { SelfCheck, SelfCheckSummary } from '../../../../common/self-checks.js';
import type { Dip } from '../../../../common/wheel-rounds.js';
import type { FrameworkContent } from '../../../../common/wheel.js';
import type { SelfCheckTable } from '../../../db/schema.js';
import type { LoadedVersion } from '../../define-good/frameworks/framework-versions.js';
import { presentVersion } from '../../define-good/frameworks/framework-versions.js';
import { parseAreaScores } from '../rounds/round-queries.js';
import { areaScores, round2 } from '../rounds/scoring.js';
import { chosenContent } from './answers.js';

/** A self-check in a list: its chosen areas with their scores (means of the statements scored so far). */
export function presentSummary(
  row: SelfCheckTable,
  content: FrameworkContent,
  scores?: Record<string, number>,
): SelfCheckSummary {
  const chosen = chosenContent(content, row);
  const means = scores ? areaScores(chosen, scores) : parseAreaScores(row.area_scores);
  return {
    id: row.id,
    status: row.submitted_at ? 'submitted' : 'draft',
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    sharedAt: row.shared_at,
    areas: chosen.areas.map((a) => {
      const m = means[a.key];
      return { key: a.key, name: a.name, score: m === null || m === undefined ? null : round2(m) };
    }),
  };
}

/** A whole self-check for one viewer: the (opened) note only when `showNote` (the PM themself). */
export function presentSelfCheck(input: {
  row: SelfCheckTable;
  version: LoadedVersion;
  answers: { scores: Record<string, number>; traits: Record<string, string> };
  dips: Dip[];
  showNote: boolean;
  note: string | null;
}): SelfCheck {
  const { row, version, answers, dips, showNote, note } = input;
  const chosen = chosenContent(version.content, row);
  return {
    ...presentSummary(row, version.content, answers.scores),
    frameworkVersion: presentVersion({ ...version, content: chosen }, version.number),
    scores: answers.scores,
    traits: answers.traits,
    note: showNote ? note : null,
    dips,
    answered: Object.keys(answers.scores).length,
    total: chosen.areas.reduce((n, a) => n + a.statements.length, 0),
  };
}
