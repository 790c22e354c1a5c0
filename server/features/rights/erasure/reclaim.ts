import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../../db/database.js';
import { isPostgres } from '../../../db/dialect.js';

/** Every table an erasure deletes from or rewrites (decision 043). */
const erasedTables = [
  'users',
  'sessions',
  'password_resets',
  'scim_tokens',
  'access_log',
  'deliveries',
  'invitations',
  'pairs',
  'history_grants',
  'assessment_rounds',
  'assessments',
  'assessment_scores',
  'assessment_notes',
  'peer_invitations',
  'round_traits',
  'self_checks',
  'self_check_scores',
  'self_check_traits',
  'plans',
  'plan_themes',
  'plan_theme_targets',
  'plan_actions',
  'plan_comments',
  'plan_suggestions',
  'vision_proposals',
  'coaching_sessions',
  'session_agenda_items',
  'session_theme_colours',
  'session_private_notes',
  'session_next_steps',
  'reflections',
  'check_ins',
  'pulses',
  'nudges',
  'nudge_responses',
  'questions',
  'question_asked',
  'notification_settings',
  'calendar_feeds',
  'push_subscriptions',
  'sso_links',
  'sso_attempts',
  'insights_opt_outs',
  'sign_in_known_addresses',
  'sign_in_throttle',
] as const;

/**
 * After an erasure has committed, the bytes it deleted leave storage as far as the app can make
 * them: SQLite (secure_delete zeroes them in the file) folds the WAL back and truncates it;
 * PostgreSQL vacuums the tables so the dead row versions are pruned from the heap. Best effort:
 * a failure is logged, the erasure itself already happened. Backups, PostgreSQL's WAL segments
 * and the disk's free blocks are the operator's (decision 043).
 */
export async function reclaimErasedSpace(input: { db: Db; log: Logger }): Promise<void> {
  const { db, log } = input;
  try {
    if (!isPostgres(db)) {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      return;
    }
    // VACUUM cannot run in a transaction: each runs on its own pooled connection, in autocommit.
    for (const table of erasedTables) await sql`vacuum ${sql.table(table)}`.execute(db);
  } catch (error) {
    log.warn(
      { err: error },
      'Reclaiming the space of an erasure failed; run VACUUM (PostgreSQL) or a checkpoint later.',
    );
  }
}
