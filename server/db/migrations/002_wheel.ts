import type { Kysely } from 'kysely';

// The wheel (issue 3): frameworks with immutable versions, assessment rounds, peers.
// Same conventions as 001: text ids, ISO text timestamps, 0/1 integers, JSON as text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // null: a workspace template (the admin manages it); otherwise the coach who owns this copy.
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    // Set to the workspace id on the workspace's default only, so a unique index keeps it single.
    .addColumn('default_for', 'text', (c) => c.unique())
    .addColumn('current_version_id', 'text')
    .addColumn('current_version_number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('frameworks_workspace').on('frameworks').column('workspace_id').execute();

  await db.schema
    .createTable('framework_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('framework_versions_number', ['framework_id', 'number'])
    .execute();

  await db.schema
    .createTable('assessment_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('pm_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('framework_version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revealed_at', 'text')
    .addColumn('peers_shared', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // (pm_id, created_at, id) is the order every history read wants, so no sort is needed.
  await db.schema
    .createIndex('rounds_pm_created')
    .on('assessment_rounds')
    .columns(['pm_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    // The author's account (self, coach); null for a peer, who has none.
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('peer_id', 'text')
    .addColumn('next_bigger_challenge', 'text')
    // Written once at submit: {areaKey: mean of its statements}, so reading the wheel never recomputes.
    .addColumn('area_scores', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .execute();
  await db.schema.createIndex('assessments_round').on('assessments').columns(['round_id', 'side']).execute();

  await db.schema
    .createTable('assessment_scores')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('statement_key', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_scores_pk', ['assessment_id', 'statement_key'])
    .execute();

  await db.schema
    .createTable('assessment_notes')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('area_key', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_notes_pk', ['assessment_id', 'area_key'])
    .execute();

  await db.schema
    .createTable('peer_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('peer_invitations_round').on('peer_invitations').column('round_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Wheelhouse migrations only go forward.');
}
