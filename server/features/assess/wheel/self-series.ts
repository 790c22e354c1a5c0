import type { Dip } from '../../../../common/wheel-rounds.js';
import type { FrameworkContent, Scale } from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import { may } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleRounds } from '../../../privacy/visible-rounds.js';
import { visibleSelfChecks } from '../../../privacy/visible-self-checks.js';
import { loadVersion } from '../../define-good/frameworks/framework-versions.js';
import { parseAreaScores } from '../rounds/round-queries.js';
import { round2 } from '../rounds/scoring.js';
import { dipsOf, withoutCovered } from './dips.js';
import { unseal } from '../../../crypto/sealed-fields.js';

/**
 * One moment the PM scored themselves, as the viewer may see it: the self side of a round (the PM:
 * once submitted; a coach: once revealed) or a submitted self-check (a coach: only shared ones).
 */
export interface SelfPoint {
  source: 'round' | 'self-check';
  id: string;
  title: string;
  createdAt: string;
  /** When the PM scored: the self-assessment's or the self-check's submission. */
  at: string;
  /** The date a reader sees: the round's reveal (null before it), or the self-check's submission. */
  shownAt: string | null;
  sharedAt: string | null;
  content: FrameworkContent;
  scale: Scale;
  areas: Record<string, number>;
  statements: Record<string, number>;
  /** Notes the viewer may read: area key → note (a round's self notes), or '' → the self-check's note. */
  notes: Record<string, string>;
}

async function contents(db: Db, ids: string[]) {
  const out = new Map<string, FrameworkContent>();
  for (const id of new Set(ids)) out.set(id, (await loadVersion(db, id)).content);
  return out;
}

async function statementScores(db: Db, table: 'assessment_scores' | 'self_check_scores', ids: string[]) {
  const out = new Map<string, Record<string, number>>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows =
      table === 'assessment_scores'
        ? await db
            .selectFrom('assessment_scores')
            .select(['assessment_id as owner', 'statement_key', 'score'])
            .where('assessment_id', 'in', chunk)
            .execute()
        : await db
            .selectFrom('self_check_scores')
            .select(['self_check_id as owner', 'statement_key', 'score'])
            .where('self_check_id', 'in', chunk)
            .execute();
    for (const r of rows)
      out.set(r.owner, { ...(out.get(r.owner) ?? {}), [r.statement_key]: Number(r.score) });
  }
  return out;
}

/** The self side of the PM's rounds the viewer may see: the PM's own once submitted, a coach's once revealed. */
async function roundPoints(db: Db, viewer: Viewer): Promise<SelfPoint[]> {
  const ownSide = may(viewer, 'self-scores-before-reveal:see');
  const rows = await visibleRounds(db, viewer, { revealedOnly: !ownSide })
    .innerJoin('assessments as a', 'a.round_id', 'r.id')
    .select(['r.id', 'r.title', 'r.framework_version_id', 'r.created_at', 'r.revealed_at'])
    .select(['a.id as assessment_id', 'a.area_scores', 'a.submitted_at'])
    .where('a.side', '=', 'self')
    .where('a.submitted_at', 'is not', null)
    .execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.assessment_id);
  const versions = await contents(
    db,
    rows.map((r) => r.framework_version_id),
  );
  const scores = await statementScores(db, 'assessment_scores', ids);
  const notes = new Map<string, Record<string, string>>();
  for (const n of await db
    .selectFrom('assessment_notes')
    .select(['assessment_id', 'area_key', 'note'])
    .where('assessment_id', 'in', ids)
    .execute())
    notes.set(n.assessment_id, {
      ...(notes.get(n.assessment_id) ?? {}),
      [n.area_key]: unseal(db, 'assessment_notes.note', n.note),
    });
  return rows.map((r) => {
    const content = versions.get(r.framework_version_id)!;
    return {
      source: 'round' as const,
      id: r.id,
      title: r.title,
      createdAt: r.created_at,
      at: r.submitted_at!,
      shownAt: r.revealed_at,
      sharedAt: null,
      content,
      scale: content.scale,
      areas: parseAreaScores(r.area_scores),
      statements: scores.get(r.assessment_id) ?? {},
      notes: notes.get(r.assessment_id) ?? {},
    };
  });
}

/** The PM's submitted self-checks the viewer may see (privacy/visible-self-checks.ts), the note the PM's only. */
async function selfCheckPoints(db: Db, viewer: Viewer): Promise<SelfPoint[]> {
  const rows = (
    await visibleSelfChecks(db, viewer)
      .select([
        'sc.id',
        'sc.framework_version_id',
        'sc.area_scores',
        'sc.note',
        'sc.created_at',
        'sc.submitted_at',
        'sc.shared_at',
      ])
      .where('sc.submitted_at', 'is not', null)
      .execute()
  ).filter((r) => may(viewer, 'self-check:read', { selfCheck: r }));
  if (!rows.length) return [];
  const versions = await contents(
    db,
    rows.map((r) => r.framework_version_id),
  );
  const scores = await statementScores(
    db,
    'self_check_scores',
    rows.map((r) => r.id),
  );
  // The note about a dip is the PM's alone: a coach reading a shared self-check never gets it.
  const ownNote = may(viewer, 'dip-note:see');
  return rows.map((r): SelfPoint => {
    const content = versions.get(r.framework_version_id)!;
    const notes: Record<string, string> =
      ownNote && r.note ? { '': unseal(db, 'self_checks.note', r.note) } : {};
    return {
      source: 'self-check',
      id: r.id,
      title: 'Self-check',
      createdAt: r.created_at,
      at: r.submitted_at!,
      shownAt: r.submitted_at,
      sharedAt: r.shared_at,
      content,
      scale: content.scale,
      areas: Object.fromEntries(Object.entries(parseAreaScores(r.area_scores)).filter(([, v]) => v !== null)),
      statements: scores.get(r.id) ?? {},
      notes,
    };
  });
}

/** Every self-scoring the viewer may see, oldest first: what the dip rule and the PM's history read. */
export async function selfSeriesVisibleTo(db: Db, viewer: Viewer): Promise<SelfPoint[]> {
  const points = [...(await roundPoints(db, viewer)), ...(await selfCheckPoints(db, viewer))];
  return points.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** The dips of series[index] against the points before it, named and with the notes the viewer may read. */
export function dipsAt(series: SelfPoint[], index: number): Dip[] {
  const point = series[index];
  if (!point) return [];
  const found = dipsOf(
    series.map((p) => ({ roundId: p.id, scale: p.scale, self: p.areas, statements: p.statements })),
    index,
  );
  return withoutCovered(
    found.map((d) => {
      const area =
        d.kind === 'area'
          ? point.content.areas.find((a) => a.key === d.key)
          : point.content.areas.find((a) => a.statements.some((s) => s.key === d.key));
      const statement = d.kind === 'statement' ? area?.statements.find((s) => s.key === d.key) : undefined;
      const areaKey = area?.key ?? d.key;
      return {
        source: point.source,
        roundId: point.source === 'round' ? point.id : null,
        selfCheckId: point.source === 'self-check' ? point.id : null,
        roundTitle: point.title,
        revealedAt: point.shownAt ?? point.at,
        areaKey,
        areaName: area?.name ?? d.key,
        statementKey: statement ? statement.key : null,
        statementText: statement ? statement.text : null,
        score: round2(d.score),
        recentLevel: round2(d.recentLevel),
        drop: round2(d.drop),
        note: (point.source === 'round' ? point.notes[areaKey] : point.notes['']) ?? null,
        private: point.source === 'self-check' && point.sharedAt === null,
      };
    }),
  );
}
