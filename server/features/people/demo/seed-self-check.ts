import type { Db } from '../../../db/database.js';
import { newId } from '../../../util.js';
import type { LoadedVersion } from '../../define-good/frameworks/framework-versions.js';
import { seal } from '../../../crypto/sealed-fields.js';

/** The seed's story, in the demo: one Team statement falls while the rest of the area holds. */
const STATEMENT = 'team.2';
const DAY_MS = 24 * 3600 * 1000;

/**
 * A Team self-check the PM took two days ago and shared with their coach: every Team statement as
 * in their latest round, except "keeping stakeholders informed, including bad news", which falls to
 * 2 (a dip in one statement; the area moves about one point). Deterministic: it reads the round.
 */
export async function seedSelfCheckDip(
  db: Db,
  input: { pmId: string; version: LoadedVersion; now: Date; note: string },
) {
  const team = input.version.content.areas.find((a) => a.key === 'team');
  if (!team?.statements.some((s) => s.key === STATEMENT)) return;
  const latest = await db
    .selectFrom('assessments as a')
    .innerJoin('assessment_rounds as r', 'r.id', 'a.round_id')
    .select('a.id')
    .where('r.pm_id', '=', input.pmId)
    .where('a.side', '=', 'self')
    .where('a.submitted_at', 'is not', null)
    .orderBy('a.submitted_at', 'desc')
    .executeTakeFirst();
  const earlier = latest
    ? await db
        .selectFrom('assessment_scores')
        .select(['statement_key', 'score'])
        .where('assessment_id', '=', latest.id)
        .execute()
    : [];
  const scores = Object.fromEntries(
    team.statements.map((s) => [
      s.key,
      s.key === STATEMENT ? 2 : Number(earlier.find((e) => e.statement_key === s.key)?.score ?? 7),
    ]),
  );
  const mean = Object.values(scores).reduce((a, b) => a + b, 0) / team.statements.length;
  const at = new Date(input.now.getTime() - 2 * DAY_MS).toISOString();
  const id = newId();
  await db
    .insertInto('self_checks')
    .values({
      id,
      pm_id: input.pmId,
      framework_version_id: input.version.id,
      areas: JSON.stringify(['team']),
      area_scores: JSON.stringify({ team: mean }),
      note: seal(db, 'self_checks.note', input.note),
      created_at: at,
      updated_at: at,
      submitted_at: at,
      shared_at: new Date(input.now.getTime() - DAY_MS).toISOString(),
    })
    .execute();
  await db
    .insertInto('self_check_scores')
    .values(
      Object.entries(scores).map(([statement_key, score]) => ({ self_check_id: id, statement_key, score })),
    )
    .execute();
}
