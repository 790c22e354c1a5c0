import type { Db } from '../../../db/database.js';
import { eraseAccessLogOf } from '../../../privacy/access-log-erasure.js';
import { endPairsOf } from '../../people/pairs/pairs.js';

/** The name an erased person's tombstone carries wherever a PM's record still points at it. */
export const FORMER_COACH = 'A former coach';

/**
 * Erases one person inside the caller's transaction (decision 043): everything of theirs as a PM,
 * their private words as a coach, their account; what they gave into other PMs' records stays with
 * those PMs, attributed to a tombstone row that holds no name, address or password.
 */
export async function erasePerson(input: { trx: Db; personId: string; now: Date }): Promise<void> {
  const { trx, personId, now } = input;
  const person = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  await eraseDeliveriesAbout(trx, person);
  await eraseAsPm(trx, personId);
  await eraseAsCoach(trx, personId, now.toISOString());
  await eraseAccount(trx, person, now.toISOString());
}

/** Everything with this person as the PM goes, whoever wrote it (a coach's private notes too). */
async function eraseAsPm(trx: Db, pmId: string) {
  await eraseAccessLogOf({ trx, pmId });
  // Rounds and self-checks point at framework versions without cascading; they go by their PM.
  // Each delete cascades to what hangs under it (assessments, scores, notes, peers, traits;
  // themes, actions, comments, suggestions; agenda, colours, private notes, next steps; answers).
  for (const table of [
    'assessment_rounds',
    'self_checks',
    'plans',
    'coaching_sessions',
    'vision_proposals',
    'reflections',
    'check_ins',
    'pulses',
    'nudges',
    'question_asked',
    'history_grants',
    'pairs',
  ] as const)
    await trx
      .deleteFrom(table as 'pulses')
      .where('pm_id', '=', pmId)
      .execute();
}

/**
 * As a coach: private words and unrevealed sides go; what the PM has already been given (revealed
 * assessments, plan comments and suggestions, session notes, nudges) stays in the PM's record.
 * Live pairings end and open proposals are withdrawn, as when a coach leaves.
 */
async function eraseAsCoach(trx: Db, coachId: string, now: string) {
  await trx.deleteFrom('reflections').where('author_id', '=', coachId).execute();
  await trx.deleteFrom('session_private_notes').where('author_id', '=', coachId).execute();
  await trx
    .deleteFrom('plan_comments')
    .where('author_id', '=', coachId)
    .where('is_private', '=', 1)
    .execute();
  const unrevealed = trx
    .selectFrom('assessment_rounds')
    .select('id')
    .where('coach_id', '=', coachId)
    .where('revealed_at', 'is', null);
  await trx
    .deleteFrom('assessments')
    .where('author_id', '=', coachId)
    .where('side', '=', 'coach')
    .where(
      'round_id',
      'in',
      trx.selectFrom('assessment_rounds').select('id').where('revealed_at', 'is', null),
    )
    .execute();
  await trx
    .deleteFrom('round_traits')
    .where('side', '=', 'coach')
    .where('round_id', 'in', unrevealed)
    .execute();
  await trx
    .deleteFrom('questions')
    .where('author_id', '=', coachId)
    .where('visibility', '=', 'private')
    .execute();
  await trx
    .updateTable('plan_suggestions')
    .set({ status: 'withdrawn', decided_at: now })
    .where('author_id', '=', coachId)
    .where('status', '=', 'open')
    .execute();
  await trx
    .updateTable('vision_proposals')
    .set({ status: 'withdrawn', decided_at: now })
    .where('proposed_by', '=', coachId)
    .where('status', '=', 'open')
    .execute();
  await endPairsOf(trx, coachId, now);
  // What PMs shared with this coach belonged to pairings that have just ended.
  await trx.deleteFrom('history_grants').where('coach_id', '=', coachId).execute();
}

/**
 * Notifications in anyone's inbox that carry the person's name or address, or point at their
 * data, go with them; their own inbox goes too. (What already left by email or webhook cannot.)
 */
async function eraseDeliveriesAbout(trx: Db, person: { id: string; email: string; name: string }) {
  await trx.deleteFrom('deliveries').where('recipient_id', '=', person.id).execute();
  const rounds = await trx
    .selectFrom('assessment_rounds')
    .select('id')
    .where('pm_id', '=', person.id)
    .execute();
  const sessions = await trx
    .selectFrom('coaching_sessions')
    .select('id')
    .where('pm_id', '=', person.id)
    .execute();
  const links = [
    `/pms/${person.id}`,
    ...rounds.map((r) => `/rounds/${r.id}`),
    ...sessions.map((s) => `/coaching-sessions/${s.id}`),
  ];
  // The text is sealed at rest, so SQL cannot search it: every delivery to someone who is or was
  // in a pair with the person is read and tested below (a coach's weekly prompt names its PMs in
  // its text alone), beside those whose clear title or link names them.
  const partners = trx
    .selectFrom('pairs')
    .select((eb) =>
      eb.case().when('pm_id', '=', person.id).then(eb.ref('coach_id')).else(eb.ref('pm_id')).end().as('id'),
    )
    .where((eb) => eb.or([eb('pm_id', '=', person.id), eb('coach_id', '=', person.id)]));
  const candidates = await trx
    .selectFrom('deliveries')
    .select(['id', 'title', 'text', 'link'])
    .where((eb) =>
      eb.or([
        eb('recipient_id', 'in', partners),
        eb('title', 'like', `%${person.name}%`),
        eb('title', 'like', `%${person.email}%`),
        ...links.map((link) => eb('link', 'like', `${link}%`)),
      ]),
    )
    .execute();
  // LIKE finds candidates (a name's own % or _ only widens them); a whole-word match decides, so
  // "Al" does not take "Alex"'s notifications with it.
  const word = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(person.name)}($|[^\\p{L}\\p{N}])`, 'u');
  const ids = candidates
    .filter(
      (d) =>
        links.some(
          (link) =>
            d.link === link ||
            d.link.startsWith(`${link}/`) ||
            d.link.startsWith(`${link}?`) ||
            d.link.startsWith(`${link}#`),
        ) ||
        links.some((link) => d.text.includes(link)) ||
        word.test(d.title) ||
        word.test(d.text) ||
        d.title.includes(person.email) ||
        d.text.includes(person.email),
    )
    .map((d) => d.id);
  for (let i = 0; i < ids.length; i += 500)
    await trx
      .deleteFrom('deliveries')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}

/** The account itself: sessions, settings, sign-in traces, invitations to them; the row becomes a tombstone. */
async function eraseAccount(trx: Db, person: { id: string; email: string }, now: string) {
  const { id, email } = person;
  await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
  await trx.deleteFrom('notification_settings').where('user_id', '=', id).execute();
  await trx.deleteFrom('calendar_feeds').where('user_id', '=', id).execute();
  await trx.deleteFrom('push_subscriptions').where('user_id', '=', id).execute();
  await trx.deleteFrom('sso_links').where('user_id', '=', id).execute();
  await trx.deleteFrom('sso_attempts').where('user_id', '=', id).execute();
  await trx.deleteFrom('password_resets').where('user_id', '=', id).execute();
  // Links an admin issued to others, and SCIM tokens they created, stay without their name.
  await trx.updateTable('password_resets').set({ issued_by: null }).where('issued_by', '=', id).execute();
  await trx.updateTable('scim_tokens').set({ created_by: null }).where('created_by', '=', id).execute();
  await trx.deleteFrom('insights_opt_outs').where('user_id', '=', id).execute();
  await trx.deleteFrom('sign_in_known_addresses').where('email', '=', email).execute();
  // The throttle's keys carry the address: `account:<email>`, `account-address:<email>|<ip>`.
  const prefix = `account-address:${email}|`;
  const throttled = await trx
    .selectFrom('sign_in_throttle')
    .select('key')
    .where('key', 'like', `${prefix}%`)
    .execute();
  const keys = [
    `account:${email}`,
    `password-change:${id}`,
    `erasure:${id}`,
    `password-reset:${email}`,
    ...throttled.map((t) => t.key).filter((k) => k.startsWith(prefix)),
  ];
  await trx.deleteFrom('sign_in_throttle').where('key', 'in', keys).execute();
  await trx
    .deleteFrom('invitations')
    .where((eb) => eb.or([eb('email', '=', email), eb('accepted_by', '=', id)]))
    .execute();
  const tombstone = trx.updateTable('users').set({
    name: FORMER_COACH,
    email: `erased-${id}@erased.invalid`,
    password_hash: '!erased',
    is_admin: 0,
    password_changed_at: now,
    erased_at: now,
    removed_at: null,
    external_id: null,
    deactivated_at: null,
  });
  await tombstone.where('id', '=', id).execute();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
