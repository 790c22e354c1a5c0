import type {
  Attachment,
  AttachmentInput,
  AttachmentKind,
  Journal,
  Reflection,
  ReflectionData,
  ReflectionPatch,
} from '../../../../common/reflections.js';
import type { Db } from '../../../db/database.js';
import type { ReflectionTable } from '../../../db/schema.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may, type Grant } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleRounds } from '../../../privacy/visible-rounds.js';
import { newId } from '../../../util.js';
import { pmFramework } from '../../plan/plans/plan-targets.js';
import { attachmentLabel } from './reflection-words.js';
import { seal, unseal } from '../../../crypto/sealed-fields.js';
import { checkEditVersions } from '../../../db/edit-versions.js';

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
}

type Row = ReflectionTable & { author_name: string; author_email: string };

const rowsOf = (db: Db, pmId: string) =>
  db
    .selectFrom('reflections')
    .innerJoin('users', 'users.id', 'reflections.author_id')
    .selectAll('reflections')
    .select(['users.name as author_name', 'users.email as author_email'])
    .where('reflections.pm_id', '=', pmId);

/**
 * The entries the viewer may see (the rules' 'reflection visible'), newest first, a page at a
 * time: strictly older than `older` (created_at, then id). Logs nothing; callers log once.
 */
export async function reflectionsVisibleTo(
  db: Db,
  viewer: Viewer,
  options: { limit: number; older?: { at: string; id: string } },
): Promise<Reflection[]> {
  let query = rowsOf(db, viewer.pmId);
  const older = options.older;
  if (older)
    query = query.where((eb) =>
      eb.or([
        eb('reflections.created_at', '<', older.at),
        eb.and([eb('reflections.created_at', '=', older.at), eb('reflections.id', '<', older.id)]),
      ]),
    );
  const rows = await query
    .orderBy('reflections.created_at', 'desc')
    .orderBy('reflections.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows
    .filter((reflection) => may(viewer, 'reflection:read', { reflection }))
    .map((r) => presentReflection(db, r, viewer));
}

/** A stored entry as the viewer sees it (never the row). */
export function presentReflection(db: Db, row: Row, viewer: Viewer): Reflection {
  return {
    id: row.id,
    kind: row.kind,
    author: { id: row.author_id, name: row.author_name, email: row.author_email },
    authorSide: row.kind === 'reflection' ? 'pm' : 'coach',
    mine: may(viewer, 'reflection:change', { reflection: row }),
    body: unseal(db, 'reflections.body', row.body),
    attachedTo:
      row.attached_kind && row.attached_id
        ? { kind: row.attached_kind, id: row.attached_id, label: row.attached_label ?? '' }
        : null,
    shared: row.kind === 'reflection' && row.shared_at !== null,
    sharedAt: row.kind === 'reflection' ? row.shared_at : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Records a read in the PM's access log only when it showed someone else's words: the author's
 * own journal (or a coach's own notes) is not "access" to anyone, and an entry for a coach's
 * note would tell the PM it exists.
 */
async function logIfOthers(db: Db, grant: Grant, rows: readonly Row[], resource: string) {
  if (rows.some((reflection) => !may(grant, 'reflection:change', { reflection })))
    await recordAccess({ db, grant, resource });
}

/** What an entry can be about, for this viewer: areas, themes, the rounds and sessions they may see. */
export async function attachable(db: Db, viewer: Viewer): Promise<Attachment[]> {
  const { pmId } = viewer;
  const framework = await pmFramework(db, pmId);
  const themes = await db
    .selectFrom('plan_themes')
    .innerJoin('plans', 'plans.id', 'plan_themes.plan_id')
    .select(['plan_themes.lineage_id', 'plan_themes.title'])
    .where('plans.pm_id', '=', pmId)
    .where('plans.replaced_at', 'is', null)
    .orderBy('plan_themes.position')
    .execute();
  const rounds = await visibleRounds(db, viewer)
    .select(['r.id', 'r.title'])
    .orderBy('r.created_at', 'desc')
    .limit(20)
    .execute();
  const sessions = (
    await db
      .selectFrom('coaching_sessions')
      .select(['id', 'pm_id', 'coach_id', 'kind', 'local_start'])
      .where('pm_id', '=', pmId)
      .where('status', '!=', 'cancelled')
      .orderBy('starts_at', 'desc')
      .limit(40)
      .execute()
  ).filter((coachingSession) => may(viewer, 'attachable-coaching-session:see', { coachingSession }));
  return [
    ...framework.content.areas.map((a) => ({ kind: 'area' as const, id: a.key, label: a.name })),
    ...themes.map((t) => ({ kind: 'theme' as const, id: t.lineage_id, label: t.title })),
    ...rounds.map((r) => ({ kind: 'round' as const, id: r.id, label: r.title })),
    ...sessions.slice(0, 20).map((s) => ({
      kind: 'coaching-session' as const,
      id: s.id,
      label: attachmentLabel.coachingSession(s.kind, s.local_start),
    })),
  ];
}

const notAttachable = (kind: AttachmentKind) =>
  new AppError(
    'validation_failed',
    {
      area: 'attachedTo: is not an area of this PM’s framework',
      theme: 'attachedTo: is not a theme of this PM’s plan',
      round: 'attachedTo: is not a round you can see for this PM',
      'coaching-session': 'attachedTo: is not a coaching session you are in with this PM',
    }[kind],
  );

/**
 * Checks that what an entry is attached to belongs to this PM (the id is tied to the PM in the
 * query) and that the viewer may see it; one answer for missing and not-yours. Returns its label.
 */
async function resolveAttachment(
  db: Db,
  viewer: Viewer,
  input: AttachmentInput | null,
): Promise<Pick<ReflectionTable, 'attached_kind' | 'attached_id' | 'attached_label'>> {
  if (!input) return { attached_kind: null, attached_id: null, attached_label: null };
  const { pmId } = viewer;
  let label: string | undefined;
  if (input.kind === 'area') {
    label = (await pmFramework(db, pmId)).content.areas.find((a) => a.key === input.id)?.name;
  } else if (input.kind === 'theme') {
    const theme = await db
      .selectFrom('plan_themes')
      .innerJoin('plans', 'plans.id', 'plan_themes.plan_id')
      .select('plan_themes.title')
      .where('plans.pm_id', '=', pmId)
      .where('plan_themes.lineage_id', '=', input.id)
      .orderBy('plans.number', 'desc')
      .executeTakeFirst();
    label = theme?.title;
  } else if (input.kind === 'round') {
    const round = await visibleRounds(db, viewer)
      .select('r.title')
      .where('r.id', '=', input.id)
      .executeTakeFirst();
    label = round?.title;
  } else {
    const session = await db
      .selectFrom('coaching_sessions')
      .select(['pm_id', 'coach_id', 'kind', 'local_start'])
      .where('id', '=', input.id)
      .where('pm_id', '=', pmId)
      .executeTakeFirst();
    if (session && may(viewer, 'attachable-coaching-session:see', { coachingSession: session }))
      label = attachmentLabel.coachingSession(session.kind, session.local_start);
  }
  if (label === undefined) throw notAttachable(input.kind);
  return { attached_kind: input.kind, attached_id: input.id, attached_label: label };
}

/** The journal page in one read: the entries the viewer may see (optionally about one thing), and what to attach to. */
export async function readJournal(
  input: Call & { filter?: { kind?: AttachmentKind; id?: string } },
): Promise<Journal> {
  const { db, pmId, filter } = input;
  const grant = await authorize({ ...input, action: 'reflection:list' });
  let query = rowsOf(db, pmId);
  if (filter?.kind) query = query.where('reflections.attached_kind', '=', filter.kind);
  if (filter?.id) query = query.where('reflections.attached_id', '=', filter.id);
  const rows = (
    await query
      .orderBy('reflections.created_at', 'desc')
      .orderBy('reflections.id', 'desc')
      .limit(500)
      .execute()
  ).filter((reflection) => may(grant, 'reflection:read', { reflection }));
  const journal: Journal = {
    pmId,
    viewer: { side: grant.side },
    entries: rows.map((r) => presentReflection(db, r, grant)),
    attachable: await attachable(db, grant),
  };
  await logIfOthers(db, grant, rows, 'shared reflections');
  return journal;
}

/** One entry the viewer may see, or a 404 exactly like a missing one. */
async function visibleRow(input: Call & { reflectionId: string }) {
  // Outside the pair first, so a missing and a hidden entry answer exactly alike for everyone.
  await authorize({ ...input, action: 'reflection:list' });
  const row = await rowsOf(input.db, input.pmId)
    .where('reflections.id', '=', input.reflectionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  const grant = await authorize({ ...input, action: 'reflection:read', thing: { reflection: row } });
  return { row, grant };
}

const reread = async (db: Db, pmId: string, id: string) =>
  (await rowsOf(db, pmId).where('reflections.id', '=', id).executeTakeFirst())!;

export async function readReflection(input: Call & { reflectionId: string }): Promise<Reflection> {
  const { row, grant } = await visibleRow(input);
  const reflection = presentReflection(input.db, row, grant);
  await logIfOthers(input.db, grant, [row], 'a shared reflection');
  return reflection;
}

/** A PM writes a journal entry; a coach a private note about their coaching of the PM. */
export async function createReflection(
  input: Call & { reflection: ReflectionData; now: Date },
): Promise<Reflection> {
  const { db, pmId, reflection, now } = input;
  const grant = await authorize({ ...input, action: 'reflection:write' });
  const attached = await resolveAttachment(db, grant, reflection.attachedTo);
  const at = now.toISOString();
  const id = newId();
  await db
    .insertInto('reflections')
    .values({
      id,
      pm_id: pmId,
      author_id: grant.actorId,
      kind: grant.side === 'pm' ? 'reflection' : 'coach-note',
      body: seal(db, 'reflections.body', reflection.body),
      ...attached,
      shared_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  // Written by its author: nothing for the access log (see logIfOthers).
  return presentReflection(db, await reread(db, pmId, id), grant);
}

/** Its author edits the words or what it is about. */
export async function updateReflection(
  input: Call & { reflectionId: string; patch: ReflectionPatch; now: Date },
): Promise<Reflection> {
  const { db, pmId, patch, now } = input;
  const { row } = await visibleRow(input);
  const grant = await authorize({ ...input, action: 'reflection:change', thing: { reflection: row } });
  const attached = patch.attachedTo === undefined ? {} : await resolveAttachment(db, grant, patch.attachedTo);
  await db.transaction().execute(async (tx) => {
    // Two tabs editing one entry: the later save does not erase the earlier one unseen.
    if (patch.body !== undefined)
      await checkEditVersions(tx, {
        table: 'reflections',
        row: { id: row.id },
        fields: { body: 'body' },
        versions: patch.versions,
      });
    await tx
      .updateTable('reflections')
      .set({
        ...(patch.body === undefined ? {} : { body: seal(tx, 'reflections.body', patch.body) }),
        ...attached,
        updated_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .where('pm_id', '=', pmId)
      .execute();
  });
  return presentReflection(db, await reread(db, pmId, row.id), grant);
}

export async function deleteReflection(input: Call & { reflectionId: string }) {
  const { db, pmId } = input;
  const { row } = await visibleRow(input);
  await authorize({ ...input, action: 'reflection:change', thing: { reflection: row } });
  await db.deleteFrom('reflections').where('id', '=', row.id).where('pm_id', '=', pmId).execute();
  return { ok: true as const };
}

/** The PM shares one of their reflections with their current coach, or makes it private again. */
export async function shareReflection(
  input: Call & { reflectionId: string; shared: boolean; now: Date },
): Promise<Reflection> {
  const { db, pmId, shared, now } = input;
  const { row } = await visibleRow(input);
  const grant = await authorize({ ...input, action: 'reflection:share', thing: { reflection: row } });
  // Sharing is with the coach of now: a share (again) is dated now, so a coach paired since sees it.
  const sharedAt = shared ? now.toISOString() : null;
  await db
    .updateTable('reflections')
    .set({ shared_at: sharedAt })
    .where('id', '=', row.id)
    .where('pm_id', '=', pmId)
    .execute();
  return presentReflection(db, await reread(db, pmId, row.id), grant);
}
