import type { CalendarFeed, CreatedCalendarFeed } from '../../../../common/calendar-feed.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../privacy/actor.js';
import { hashToken, newToken } from '../../../util.js';
import { publicAddressOf } from '../../people/setup/public-address.js';

/** Whether the person has a live feed, and since when (the URL itself is never shown again). */
export async function readCalendarFeed(input: { db: Db; actor: Actor }): Promise<CalendarFeed> {
  const row = await input.db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('user_id', '=', input.actor.id)
    .executeTakeFirst();
  return { exists: !!row, createdAt: row?.created_at ?? null };
}

/**
 * Creates the person's feed, or replaces it (the old URL stops working at once): a 256-bit
 * random token, stored only as its hash, answered once as a URL on the workspace's public address.
 */
export async function createCalendarFeed(input: {
  db: Db;
  config: Config;
  actor: Actor;
  now: Date;
}): Promise<CreatedCalendarFeed> {
  const { db, config, actor, now } = input;
  const token = newToken();
  const createdAt = now.toISOString();
  // One row per person (the primary key): replacing is an upsert, never a check-then-insert.
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: actor.id, token_hash: hashToken(token), created_at: createdAt })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ token_hash: hashToken(token), created_at: createdAt }),
    )
    .execute();
  const { address } = await publicAddressOf({ db, config, workspaceId: actor.workspaceId });
  return { createdAt, url: `${address}/calendar/${token}.ics` };
}

/** Revokes the person's feed: the row goes, and its URL answers 404 like any unknown address. */
export async function revokeCalendarFeed(input: { db: Db; actor: Actor }): Promise<CalendarFeed> {
  await input.db.deleteFrom('calendar_feeds').where('user_id', '=', input.actor.id).execute();
  return { exists: false, createdAt: null };
}

/** Whose feed a token opens (looked up by its hash: no comparison of secrets in our code), or null. */
export async function feedOwner(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['users.id', 'users.name'])
    .where('calendar_feeds.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row ?? null;
}
