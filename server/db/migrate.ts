import { Migrator, type Migration } from 'kysely';
import type { Db } from './database.js';
import * as m001 from './migrations/001_foundation.js';
import * as m002 from './migrations/002_wheel.js';
import * as m003 from './migrations/003_plans.js';
import * as m004 from './migrations/004_coaching_sessions.js';
import * as m005 from './migrations/005_questions.js';
import * as m006 from './migrations/006_check_ins.js';
import * as m007 from './migrations/007_unique_live_rows.js';
import * as m008 from './migrations/008_known_sign_in_addresses.js';
import * as m009 from './migrations/009_public_address.js';
import * as m010 from './migrations/010_deliveries.js';
import * as m011 from './migrations/011_calendar_feeds.js';
import * as m012 from './migrations/012_nudges.js';
import * as m013 from './migrations/013_self_checks.js';
import * as m014 from './migrations/014_reflections_and_traits.js';
import * as m015 from './migrations/015_history_grants.js';
import * as m016 from './migrations/016_append_only_access_log.js';
import * as m017 from './migrations/017_erasure.js';
import * as m018 from './migrations/018_one_open_vision_proposal.js';
import * as m019 from './migrations/019_no_writes_for_the_erased.js';
import * as m020 from './migrations/020_sealed_access_log.js';
import * as m021 from './migrations/021_password_reset_and_scim.js';
import * as m022 from './migrations/022_single_sign_on.js';
import * as m024 from './migrations/024_calendar_invitations.js';
import * as m025 from './migrations/025_shared_notes_document.js';
import * as m026 from './migrations/026_agenda_carries_forward.js';
import * as m027 from './migrations/027_push_subscriptions.js';

/** Every migration, in order. A new migration is a new file plus one line here. */
const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_wheel': m002,
  '003_plans': m003,
  '004_coaching_sessions': m004,
  '005_questions': m005,
  '006_check_ins': m006,
  '007_unique_live_rows': m007,
  '008_known_sign_in_addresses': m008,
  '009_public_address': m009,
  '010_deliveries': m010,
  '011_calendar_feeds': m011,
  '012_nudges': m012,
  '013_self_checks': m013,
  '014_reflections_and_traits': m014,
  '015_history_grants': m015,
  '016_append_only_access_log': m016,
  '017_erasure': m017,
  '018_one_open_vision_proposal': m018,
  '019_no_writes_for_the_erased': m019,
  '020_sealed_access_log': m020,
  '021_password_reset_and_scim': m021,
  '022_single_sign_on': m022,
  '024_calendar_invitations': m024,
  '025_shared_notes_document': m025,
  '026_agenda_carries_forward': m026,
  '027_push_subscriptions': m027,
};

/** Brings the schema up to date; safe to call on every start (and from several instances). */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
