import type {
  SelfCheck,
  SelfCheckDraftInput,
  SelfCheckList,
  SelfCheckSummary,
} from '../../../../common/self-checks.js';
import type { Db } from '../../../db/database.js';
import type { SelfCheckTable } from '../../../db/schema.js';
import { uniquely } from '../../../db/unique.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may, type Grant } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleSelfChecks } from '../../../privacy/visible-self-checks.js';
import { newId } from '../../../util.js';
import { ensureDefaultFramework } from '../../define-good/frameworks/frameworks.js';
import { loadVersion } from '../../define-good/frameworks/framework-versions.js';
import { dipsAt, selfSeriesVisibleTo } from '../wheel/self-series.js';
import { checkDraft, chosenContent, loadAnswers, writeDraft } from './answers.js';
import { presentSelfCheck, presentSummary } from './present.js';
import { seal, unseal } from '../../../crypto/sealed-fields.js';

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
}
interface OneCall extends Call {
  selfCheckId: string;
}

/** The framework a PM is assessed on now: that of their latest round or self-check, else the workspace default. */
async function currentVersionId(db: Db, pmId: string) {
  const [round, check] = await Promise.all([
    db
      .selectFrom('assessment_rounds')
      .innerJoin('framework_versions as v', 'v.id', 'assessment_rounds.framework_version_id')
      .select(['v.framework_id', 'assessment_rounds.created_at'])
      .where('assessment_rounds.pm_id', '=', pmId)
      .orderBy('assessment_rounds.created_at', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('self_checks')
      .innerJoin('framework_versions as v', 'v.id', 'self_checks.framework_version_id')
      .select(['v.framework_id', 'self_checks.created_at'])
      .where('self_checks.pm_id', '=', pmId)
      .orderBy('self_checks.created_at', 'desc')
      .executeTakeFirst(),
  ]);
  const latest = !round ? check : !check ? round : round.created_at > check.created_at ? round : check;
  const pm = await db
    .selectFrom('users')
    .select('workspace_id')
    .where('id', '=', pmId)
    .executeTakeFirstOrThrow();
  let frameworkId = latest?.framework_id ?? (await ensureDefaultFramework(db, pm.workspace_id));
  let framework = await db
    .selectFrom('frameworks')
    .select(['current_version_id', 'archived_at'])
    .where('id', '=', frameworkId)
    .executeTakeFirstOrThrow();
  if (framework.archived_at) {
    frameworkId = await ensureDefaultFramework(db, pm.workspace_id);
    framework = await db
      .selectFrom('frameworks')
      .select(['current_version_id', 'archived_at'])
      .where('id', '=', frameworkId)
      .executeTakeFirstOrThrow();
  }
  return framework.current_version_id!;
}

/** The PM's self-check the viewer may see, tied to the PM in the query; anything else is a 404. */
async function visibleRow(db: Db, reader: Viewer, pmId: string, id: string): Promise<SelfCheckTable> {
  const row = await db
    .selectFrom('self_checks')
    .selectAll()
    .where('id', '=', id)
    .where('pm_id', '=', pmId)
    .executeTakeFirst();
  if (!row || !may(reader, 'self-check:read', { selfCheck: row })) throw notFound();
  return row;
}

/** The row for a change by the PM: a coach (even one it is shared with) finds nothing to change. */
async function ownRow(input: OneCall): Promise<{ row: SelfCheckTable; grant: Grant }> {
  const reader = await authorize({ ...input, action: 'self-check:list' });
  const row = await visibleRow(input.db, reader, input.pmId, input.selfCheckId);
  const grant = await authorize({ ...input, action: 'self-check:write' });
  return { row, grant };
}

/** The dips a submitted self-check shows the viewer, judged on the self-scores the viewer may see. */
async function dipsOfRow(db: Db, viewer: Viewer, row: SelfCheckTable) {
  if (!row.submitted_at) return [];
  const series = await selfSeriesVisibleTo(db, viewer);
  const index = series.findIndex((p) => p.source === 'self-check' && p.id === row.id);
  return index < 0 ? [] : dipsAt(series.slice(0, index + 1), index);
}

/** One self-check as the viewer sees it (answers, dips, the note only for the PM); logs nothing. */
export async function present(db: Db, viewer: Viewer, row: SelfCheckTable): Promise<SelfCheck> {
  return presentSelfCheck({
    row,
    version: await loadVersion(db, row.framework_version_id),
    answers: await loadAnswers(db, row.id),
    dips: await dipsOfRow(db, viewer, row),
    showNote: may(viewer, 'dip-note:see'),
    note: unseal(db, 'self_checks.note', row.note),
  });
}

/** The PM's self-checks the viewer may see, newest first (a coach: only those shared with them), and the areas to choose from. */
export async function listSelfChecks(input: Call): Promise<SelfCheckList> {
  const { db } = input;
  const grant = await authorize({ ...input, action: 'self-check:list' });
  const rows = (
    await visibleSelfChecks(db, grant).selectAll().orderBy('sc.created_at', 'desc').orderBy('sc.id').execute()
  ).filter((selfCheck) => may(grant, 'self-check:read', { selfCheck }));
  const selfChecks = [];
  for (const row of rows)
    selfChecks.push(presentSummary(row, (await loadVersion(db, row.framework_version_id)).content));
  const { content } = await loadVersion(db, await currentVersionId(db, input.pmId));
  await recordAccess({ db, grant, resource: 'self-checks' });
  return { areas: content.areas.map((a) => ({ key: a.key, name: a.name })), selfChecks };
}

/** The PM starts a self-check on their current framework version: the whole wheel or chosen areas. */
export async function createSelfCheck(input: Call & { areas?: string[]; now: Date }): Promise<SelfCheck> {
  const { db, pmId, now } = input;
  const grant = await authorize({ ...input, action: 'self-check:create' });
  const versionId = await currentVersionId(db, pmId);
  const { content } = await loadVersion(db, versionId);
  const known = new Set(content.areas.map((a) => a.key));
  const unknown = (input.areas ?? []).find((a) => !known.has(a));
  if (unknown) throw new AppError('validation_failed', `areas: "${unknown}" is not an area of your wheel`);
  const areas = input.areas
    ? content.areas.filter((a) => input.areas!.includes(a.key)).map((a) => a.key)
    : [...known];
  const at = now.toISOString();
  const row: SelfCheckTable = {
    id: newId(),
    pm_id: pmId,
    framework_version_id: versionId,
    areas: JSON.stringify(areas),
    area_scores: null,
    note: null,
    created_at: at,
    updated_at: at,
    submitted_at: null,
    shared_at: null,
  };
  await uniquely(
    () => db.insertInto('self_checks').values(row).execute(),
    () => new AppError('conflict', 'You have a self-check in progress. Finish it first.'),
  );
  const presented = await present(db, grant, row);
  await recordAccess({ db, grant, resource: 'self-check' });
  return presented;
}

/** One self-check: the PM's any time; a coach's only while the PM shares it (else a 404, like a missing one). */
export async function readSelfCheck(input: OneCall): Promise<SelfCheck> {
  const { db } = input;
  const reader = await authorize({ ...input, action: 'self-check:list' });
  const row = await visibleRow(db, reader, input.pmId, input.selfCheckId);
  const grant = await authorize({ ...input, action: 'self-check:read', thing: { selfCheck: row } });
  const presented = await present(db, grant, row);
  await recordAccess({ db, grant, resource: 'self-check' });
  return presented;
}

/** Saves part of a draft (autosave): the scores and trait words sent; nothing else is lost. */
export async function saveSelfCheck(input: OneCall & { draft: SelfCheckDraftInput; now: Date }) {
  const { db, draft, now } = input;
  const { row, grant } = await ownRow(input);
  const { content } = await loadVersion(db, row.framework_version_id);
  checkDraft(chosenContent(content, row), draft);
  await writeDraft(db, row.id, draft, now.toISOString());
  const presented = await present(db, grant, (await reread(db, row.id))!);
  await recordAccess({ db, grant, resource: 'self-check' });
  return presented;
}

const reread = (db: Db, id: string) =>
  db.selectFrom('self_checks').selectAll().where('id', '=', id).executeTakeFirst();

/** Submits a complete self-check; the answer carries the dips it shows, so the PM sees them at once. */
export async function submitSelfCheck(input: OneCall & { draft: SelfCheckDraftInput; now: Date }) {
  const { db, draft, now } = input;
  const { row, grant } = await ownRow(input);
  const chosen = chosenContent((await loadVersion(db, row.framework_version_id)).content, row);
  checkDraft(chosen, draft);
  await writeDraft(db, row.id, draft, now.toISOString());
  const { scores } = await loadAnswers(db, row.id);
  const missing = chosen.areas.flatMap((a) => a.statements.filter((s) => !Object.hasOwn(scores, s.key)));
  if (missing.length)
    throw new AppError('validation_failed', `scores: ${missing.length} statement(s) not scored yet`);
  const areaScores = Object.fromEntries(
    chosen.areas.map((a) => [
      a.key,
      a.statements.reduce((sum, s) => sum + scores[s.key]!, 0) / a.statements.length,
    ]),
  );
  const done = await db
    .updateTable('self_checks')
    .set({
      submitted_at: now.toISOString(),
      updated_at: now.toISOString(),
      area_scores: JSON.stringify(areaScores),
    })
    .where('id', '=', row.id)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'This self-check is already submitted and can no longer change.');
  const presented = await present(db, grant, (await reread(db, row.id))!);
  await recordAccess({ db, grant, resource: 'self-check' });
  return presented;
}

/** The PM shares a submitted self-check with their coach, or takes it back (shared_at null again). */
export async function shareSelfCheck(input: OneCall & { share: boolean; now: Date }) {
  const { db, share, now } = input;
  const { row, grant } = await ownRow(input);
  if (!row.submitted_at) throw new AppError('conflict', 'Submit the self-check before sharing it.');
  await db
    .updateTable('self_checks')
    .set({ shared_at: share ? (row.shared_at ?? now.toISOString()) : null })
    .where('id', '=', row.id)
    .execute();
  const presented = await present(db, grant, (await reread(db, row.id))!);
  await recordAccess({ db, grant, resource: 'self-check' });
  return presented;
}

/** The PM's private note on a self-check (what is behind a dip): theirs alone, even once shared. */
export async function noteSelfCheck(input: OneCall & { note: string | null; now: Date }) {
  const { db, now } = input;
  const { row, grant } = await ownRow(input);
  await db
    .updateTable('self_checks')
    .set({ note: seal(db, 'self_checks.note', input.note?.trim() || null), updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  const presented = await present(db, grant, (await reread(db, row.id))!);
  await recordAccess({ db, grant, resource: 'self-check' });
  return presented;
}

/**
 * Submitted self-checks the viewer may see, newest first, at or before `atOrBefore` (for the
 * timeline; logs nothing): the PM all, marked private until shared; a coach the shared ones.
 */
export async function submittedSelfChecksVisibleTo(
  db: Db,
  viewer: Viewer,
  options: { limit: number; atOrBefore?: string },
): Promise<SelfCheckSummary[]> {
  let query = visibleSelfChecks(db, viewer).selectAll().where('sc.submitted_at', 'is not', null);
  if (options.atOrBefore) query = query.where('sc.submitted_at', '<=', options.atOrBefore);
  const rows = (
    await query.orderBy('sc.submitted_at', 'desc').orderBy('sc.id', 'desc').limit(options.limit).execute()
  ).filter((selfCheck) => may(viewer, 'self-check:read', { selfCheck }));
  const list = [];
  for (const row of rows)
    list.push(presentSummary(row, (await loadVersion(db, row.framework_version_id)).content));
  return list;
}
