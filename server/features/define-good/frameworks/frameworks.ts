import type {
  Framework,
  FrameworkContent,
  FrameworkInput,
  FrameworkSummary,
  FrameworkVersionInfo,
} from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace, mayInWorkspace } from '../../../privacy/workspace-rules.js';
import { newId, nowIso } from '../../../util.js';
import { assignKeys } from './framework-content.js';
import { addVersion, loadVersion, presentVersion } from './framework-versions.js';
import { pmwheel } from './pmwheel.js';

const frameworkQuery = (db: Db) =>
  db
    .selectFrom('frameworks')
    .leftJoin('users as owner', 'owner.id', 'frameworks.owner_id')
    .selectAll('frameworks')
    .select(['owner.name as owner_name', 'owner.email as owner_email']);

type FrameworkRow = Awaited<ReturnType<ReturnType<typeof frameworkQuery>['executeTakeFirstOrThrow']>>;

function presentSummary(actor: Actor, r: FrameworkRow): FrameworkSummary {
  return {
    id: r.id,
    name: r.name,
    kind: r.default_for ? 'default' : r.owner_id ? 'own' : 'template',
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '', email: r.owner_email ?? '' } : null,
    currentVersion: r.current_version_number,
    updatedAt: r.updated_at,
    canEdit: mayInWorkspace({ actor, action: 'framework:edit', thing: r }),
  };
}

/**
 * Makes sure the workspace has its default PMwheel (created on first use). Safe under concurrent
 * first uses: the unique default_for column lets exactly one insert win.
 */
export async function ensureDefaultFramework(db: Db, workspaceId: string): Promise<string> {
  const existing = await db
    .selectFrom('frameworks')
    .select('id')
    .where('default_for', '=', workspaceId)
    .executeTakeFirst();
  if (existing) return existing.id;
  return db.transaction().execute(async (tx) => {
    const id = newId();
    const now = nowIso();
    const inserted = await tx
      .insertInto('frameworks')
      .values({
        id,
        workspace_id: workspaceId,
        owner_id: null,
        default_for: workspaceId,
        current_version_id: null,
        current_version_number: 1,
        name: pmwheel.name,
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .onConflict((oc) => oc.column('default_for').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      await addVersion({ db: tx, frameworkId: id, number: 1, content: pmwheel, createdBy: null });
      return id;
    }
    const winner = await tx
      .selectFrom('frameworks')
      .select('id')
      .where('default_for', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return winner.id;
  });
}

/** The workspace's frameworks (the default first, then templates, then coaches' copies). */
export async function listFrameworks(input: { db: Db; actor: Actor }): Promise<FrameworkSummary[]> {
  const { db, actor } = input;
  await ensureDefaultFramework(db, actor.workspaceId);
  const rows = await frameworkQuery(db)
    .where('frameworks.workspace_id', '=', actor.workspaceId)
    .where('frameworks.archived_at', 'is', null)
    .orderBy('frameworks.created_at')
    .execute();
  const rank = (f: FrameworkSummary) => ({ default: 0, template: 1, own: 2 })[f.kind];
  return rows.map((r) => presentSummary(actor, r)).sort((a, b) => rank(a) - rank(b));
}

type FrameworkAction =
  'framework:read' | 'framework:copy' | 'framework:export' | 'framework:edit' | 'framework:archive';

/** Loads a framework for an action of the workspace rules, or refuses (404 outside the workspace). */
async function frameworkFor(db: Db, actor: Actor, id: string, action: FrameworkAction) {
  const row = await frameworkQuery(db).where('frameworks.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  authorizeWorkspace({ actor, action, thing: row });
  return row;
}

/** One framework with its current version, to read (by default), copy or export. */
export async function getFramework(input: {
  db: Db;
  actor: Actor;
  id: string;
  action?: 'framework:read' | 'framework:copy' | 'framework:export';
}): Promise<Framework> {
  const row = await frameworkFor(input.db, input.actor, input.id, input.action ?? 'framework:read');
  const version = await loadVersion(input.db, row.current_version_id!);
  return {
    ...presentSummary(input.actor, row),
    current: presentVersion(version, row.current_version_number),
  };
}

/** One version of a framework (old rounds display with the version they were made on). */
export async function getFrameworkVersion(input: { db: Db; actor: Actor; id: string; version: number }) {
  const row = await frameworkFor(input.db, input.actor, input.id, 'framework:read');
  const v = await input.db
    .selectFrom('framework_versions')
    .select('id')
    .where('framework_id', '=', row.id)
    .where('number', '=', input.version)
    .executeTakeFirst();
  if (!v) throw notFound();
  return presentVersion(await loadVersion(input.db, v.id), row.current_version_number);
}

/** Every version of a framework, newest first. */
export async function listFrameworkVersions(input: {
  db: Db;
  actor: Actor;
  id: string;
}): Promise<FrameworkVersionInfo[]> {
  const row = await frameworkFor(input.db, input.actor, input.id, 'framework:read');
  const versions = await input.db
    .selectFrom('framework_versions')
    .leftJoin('users', 'users.id', 'framework_versions.created_by')
    .select([
      'framework_versions.id',
      'framework_versions.number',
      'framework_versions.created_at',
      'framework_versions.content',
      'users.id as user_id',
      'users.name',
      'users.email',
    ])
    .where('framework_id', '=', row.id)
    .orderBy('number', 'desc')
    .execute();
  return versions.map((v) => ({
    version: v.number,
    versionId: v.id,
    name: (JSON.parse(v.content) as FrameworkContent).name,
    createdAt: v.created_at,
    createdBy: v.user_id ? { id: v.user_id, name: v.name ?? '', email: v.email ?? '' } : null,
  }));
}

/** Creates a framework (a copy or an import): the actor's own, or a workspace template for an admin. */
export async function createFramework(input: {
  db: Db;
  actor: Actor;
  content: FrameworkContent;
  asTemplate: boolean;
}): Promise<Framework> {
  const { db, actor, content, asTemplate } = input;
  authorizeWorkspace({ actor, action: asTemplate ? 'framework:create-template' : 'framework:create' });
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    await tx
      .insertInto('frameworks')
      .values({
        id,
        workspace_id: actor.workspaceId,
        owner_id: asTemplate ? null : actor.id,
        default_for: null,
        current_version_id: null,
        current_version_number: 1,
        name: content.name,
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .execute();
    await addVersion({ db: tx, frameworkId: id, number: 1, content, createdBy: actor.id });
  });
  return getFramework({ db, actor, id });
}

/** Copies a framework's current version to adapt it; keys are kept so history lines up. */
export async function copyFramework(input: {
  db: Db;
  actor: Actor;
  id: string;
  name?: string;
  asTemplate: boolean;
}): Promise<Framework> {
  const source = await getFramework({
    db: input.db,
    actor: input.actor,
    id: input.id,
    action: 'framework:copy',
  });
  const {
    frameworkId: _f,
    versionId: _v,
    version: _n,
    isCurrent: _c,
    createdAt: _t,
    ...content
  } = source.current;
  const name = input.name ?? `${content.name} (copy)`.slice(0, 100);
  return createFramework({
    db: input.db,
    actor: input.actor,
    content: { ...content, name },
    asTemplate: input.asTemplate,
  });
}

/** Saves an edit as a new immutable version; rounds made on older versions keep theirs. */
export async function saveFramework(input: {
  db: Db;
  actor: Actor;
  id: string;
  content: FrameworkInput;
  baseVersion?: number;
}): Promise<Framework> {
  const { db, actor, id } = input;
  const row = await frameworkFor(db, actor, id, 'framework:edit');
  if (row.archived_at) throw new AppError('conflict', 'This framework was removed.');
  if (input.baseVersion !== undefined && input.baseVersion !== row.current_version_number) {
    throw new AppError(
      'conflict',
      `This framework changed since you opened it (now version ${row.current_version_number}). Reload it and apply your edits again.`,
    );
  }
  const content = assignKeys(input.content);
  try {
    await db.transaction().execute((tx) =>
      addVersion({
        db: tx,
        frameworkId: id,
        number: row.current_version_number + 1,
        content,
        createdBy: actor.id,
      }),
    );
  } catch (error) {
    if (error instanceof Error && /unique|duplicate/i.test(error.message))
      throw new AppError(
        'conflict',
        'Someone saved this framework at the same moment. Reload it and try again.',
      );
    throw error;
  }
  return getFramework({ db, actor, id });
}

/** Removes a framework from the list; rounds made on it keep their versions. The default stays. */
export async function archiveFramework(input: { db: Db; actor: Actor; id: string }) {
  const row = await frameworkFor(input.db, input.actor, input.id, 'framework:archive');
  if (row.default_for)
    throw new AppError('conflict', 'The workspace default cannot be removed. Edit it instead.');
  await input.db.updateTable('frameworks').set({ archived_at: nowIso() }).where('id', '=', row.id).execute();
}
