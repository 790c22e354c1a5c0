import type { Round, RoundDetail } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { uniquely } from '../../../db/unique.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { newId, nowIso } from '../../../util.js';
import { ensureDefaultFramework } from '../../define-good/frameworks/frameworks.js';
import { loadVersion, presentVersion } from '../../define-good/frameworks/framework-versions.js';
import { recordAccess } from '../../../privacy/access-log.js';
import { authorize, may, type Grant } from '../../../privacy/authorize.js';
import { assessmentSideOf, type Viewer } from '../../../privacy/rules.js';
import { authorizeRound } from './round-access.js';
import {
  assessmentsOf,
  findRound,
  peerCounts,
  roundsVisibleTo,
  type AssessmentRow,
  type RoundRow,
} from './round-queries.js';

/** Presents rounds for a viewer: each side's status (never the other side's answers) and peer counts. */
export async function presentRounds(
  db: Db,
  rows: RoundRow[],
  viewer: Viewer,
  loaded?: AssessmentRow[],
): Promise<Round[]> {
  const ids = rows.map((r) => r.id);
  const assessments = loaded ?? (await assessmentsOf(db, ids));
  const seesPeers = (r: RoundRow) => may(viewer, 'peer-scores:see', { round: r });
  const peerIds = rows.filter(seesPeers).map((r) => r.id);
  const peers = await peerCounts(db, peerIds);
  const activeCoaches = await currentCoachIds(db, viewer.pmId);
  return Promise.all(
    rows.map(async (r) => {
      const version = await loadVersion(db, r.framework_version_id);
      const side = (s: 'self' | 'coach') => {
        const a = assessments.find((x) => x.round_id === r.id && x.side === s);
        return { submitted: Boolean(a?.submitted_at), submittedAt: a?.submitted_at ?? null };
      };
      const counts = peers.get(r.id) ?? { invited: 0, submitted: 0 };
      return {
        id: r.id,
        pmId: r.pm_id,
        title: r.title,
        createdAt: r.created_at,
        revealedAt: r.revealed_at,
        status: r.revealed_at ? ('revealed' as const) : r.closed_at ? ('closed' as const) : ('open' as const),
        coachLeft: !r.revealed_at && !r.closed_at && !activeCoaches.has(r.coach_id),
        coach: { id: r.coach_id, name: r.coach_name, email: r.coach_email },
        framework: {
          id: version.frameworkId,
          versionId: version.id,
          version: version.number,
          name: version.content.name,
        },
        self: side('self'),
        coachSide: side('coach'),
        peers: seesPeers(r) ? { ...counts, shared: r.peers_shared === 1 } : null,
        viewerSide: assessmentSideOf(r, viewer),
      };
    }),
  );
}

/** The PM's current coaches (a round whose coach is not among them is stuck: decision 038). */
export async function currentCoachIds(db: Db, pmId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('pairs')
    .select('coach_id')
    .where('pm_id', '=', pmId)
    .where('status', '=', 'active')
    .execute();
  return new Set(rows.map((r) => r.coach_id));
}

/** A PM's rounds the viewer may see, newest first. */
export async function listRounds(input: { db: Db; actor: Actor; pmId: string }): Promise<Round[]> {
  const grant = await authorize({ ...input, action: 'round:list' });
  const rows = (await roundsVisibleTo(input.db, grant)).reverse();
  const rounds = await presentRounds(input.db, rows, grant);
  await recordAccess({ db: input.db, grant, resource: 'rounds' });
  return rounds;
}

/** One round with the framework version it is assessed on (to fill in or display it). */
export async function getRound(input: { db: Db; actor: Actor; roundId: string }): Promise<RoundDetail> {
  const { round, grant } = await authorizeRound({ ...input, action: 'round:read' });
  const detail = await presentRoundDetail(input.db, round, grant);
  await recordAccess({ db: input.db, grant, resource: `round "${round.title}"` });
  return detail;
}

/** A round with its framework version, for a viewer already granted it (logs nothing). */
export async function presentRoundDetail(db: Db, round: RoundRow, viewer: Viewer): Promise<RoundDetail> {
  const [presented] = await presentRounds(db, [round], viewer);
  const version = await loadVersion(db, round.framework_version_id);
  const current = await db
    .selectFrom('frameworks')
    .select('current_version_number')
    .where('id', '=', version.frameworkId)
    .executeTakeFirstOrThrow();
  return { ...presented!, frameworkVersion: presentVersion(version, current.current_version_number) };
}

async function chooseCoach(db: Db, grant: Grant, coachId?: string) {
  const { pmId } = grant;
  // A coach opens the round they assess; a PM with several coaches says which one assesses.
  if (grant.side === 'coach') return grant.actorId;
  const coaches = await db
    .selectFrom('pairs')
    .select('coach_id')
    .where('pm_id', '=', pmId)
    .where('status', '=', 'active')
    .execute();
  if (!coaches.length)
    throw new AppError('conflict', 'A round needs a coach. Ask a lead to coach you first.');
  if (coachId) {
    if (!coaches.some((c) => c.coach_id === coachId))
      throw new AppError('validation_failed', 'coachId: is not one of your current coaches');
    return coachId;
  }
  if (coaches.length > 1)
    throw new AppError(
      'validation_failed',
      'coachId: you have several coaches; choose who assesses this round',
    );
  return coaches[0]!.coach_id;
}

async function chooseVersion(db: Db, pmId: string, workspaceId: string, frameworkId?: string) {
  let id = frameworkId;
  if (!id) {
    const last = await db
      .selectFrom('assessment_rounds')
      .innerJoin('framework_versions', 'framework_versions.id', 'assessment_rounds.framework_version_id')
      .select('framework_versions.framework_id')
      .where('assessment_rounds.pm_id', '=', pmId)
      .orderBy('assessment_rounds.created_at', 'desc')
      .executeTakeFirst();
    id = last?.framework_id ?? (await ensureDefaultFramework(db, workspaceId));
  }
  const framework = await db
    .selectFrom('frameworks')
    .select(['current_version_id', 'workspace_id', 'archived_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!framework || framework.workspace_id !== workspaceId) throw notFound();
  if (framework.archived_at && frameworkId)
    throw new AppError('conflict', 'That framework was removed. Choose another.');
  return framework.current_version_id!;
}

/**
 * Why a new round cannot start: the open round, named only to someone who may see it (a new
 * coach never learns an earlier round's title from this message), and for the PM what to do
 * when its coach has left.
 */
async function stillOpen(db: Db, viewer: Viewer, open: RoundRow): Promise<AppError> {
  if (!may(viewer, 'round:read', { round: open }))
    return new AppError(
      'conflict',
      'An earlier round is still open. The PM can close it or hand it to you before a new one starts.',
    );
  const coachLeft = !(await currentCoachIds(db, open.pm_id)).has(open.coach_id);
  return new AppError(
    'conflict',
    coachLeft
      ? `The round "${open.title}" is still open and its coach has left. Close it or hand it to a current coach, then start another.`
      : `The round "${open.title}" is still open. Finish it before starting another.`,
  );
}

const defaultTitle = (at: Date) =>
  at.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Opens a round for a PM on a framework's current version: empty drafts for the PM and the coach. */
export async function openRound(input: {
  db: Db;
  actor: Actor;
  pmId: string;
  title?: string;
  frameworkId?: string;
  coachId?: string;
}): Promise<RoundDetail> {
  const { db, actor, pmId } = input;
  const grant = await authorize({ db, actor, pmId, action: 'round:open' });
  const open = await findRound(
    db,
    (
      await db
        .selectFrom('assessment_rounds')
        .select('id')
        .where('pm_id', '=', pmId)
        .where('revealed_at', 'is', null)
        .where('closed_at', 'is', null)
        .executeTakeFirst()
    )?.id ?? '',
  );
  if (open) throw await stillOpen(db, grant, open);
  const coachId = await chooseCoach(db, grant, input.coachId);
  const pm = await db
    .selectFrom('users')
    .select('workspace_id')
    .where('id', '=', pmId)
    .executeTakeFirstOrThrow();
  const versionId = await chooseVersion(db, pmId, pm.workspace_id, input.frameworkId);
  const id = newId();
  const now = nowIso();
  // The check above names the open round; the unique index holds when two requests race past it.
  const inserted = db.transaction().execute(async (tx) => {
    await tx
      .insertInto('assessment_rounds')
      .values({
        id,
        workspace_id: pm.workspace_id,
        pm_id: pmId,
        coach_id: coachId,
        framework_version_id: versionId,
        title: input.title ?? defaultTitle(new Date(now)),
        opened_by: actor.id,
        created_at: now,
        revealed_at: null,
        peers_shared: 0,
      })
      .execute();
    await tx
      .insertInto('assessments')
      .values(
        (['self', 'coach'] as const).map((side) => ({
          id: newId(),
          round_id: id,
          side,
          author_id: side === 'self' ? pmId : coachId,
          peer_id: null,
          next_bigger_challenge: null,
          area_scores: null,
          created_at: now,
          updated_at: now,
          submitted_at: null,
        })),
      )
      .execute();
  });
  await uniquely(
    () => inserted,
    () => new AppError('conflict', 'A round is already open. Finish it before starting another.'),
  );
  const round = await findRound(db, id);
  const detail = await presentRoundDetail(db, round!, grant);
  await recordAccess({ db, grant, resource: `round "${detail.title}"` });
  return detail;
}
