import type {
  FailedDelivery,
  NotificationSettings,
  NotificationSettingsInput,
  NudgeFrequency,
  OutsideChannel,
  QuietHours,
} from '../../../../common/deliveries.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import type { NotificationSettingsTable } from '../../../db/schema.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../privacy/actor.js';
import { nowIso } from '../../../util.js';
import type { DeliveryKind } from './due.js';
import { maskUrl, parseWebhookUrl, resolveSafely, WebhookError } from './webhook-safety.js';

/** A person's settings as the code uses them (defaults when they never saved any). */
export interface Settings {
  emailOn: boolean;
  slackUrl: string | null;
  teamsUrl: string | null;
  includeText: boolean;
  nudgeFrequency: NudgeFrequency;
  quietHours: QuietHours | null;
  timeZone: string;
  kindsOff: DeliveryKind[];
  coachPromptDay: number;
}

export const defaultSettings: Settings = {
  emailOn: false,
  slackUrl: null,
  teamsUrl: null,
  includeText: false,
  nudgeFrequency: 'weekly',
  quietHours: null,
  timeZone: 'UTC',
  kindsOff: [],
  coachPromptDay: 1,
};

/**
 * A person's settings from their row; without one, the defaults, where email is on when this
 * server can send mail (issue 21: they turn it off on the notifications page).
 */
export function settingsFromRow(
  row: NotificationSettingsTable | undefined,
  mailConfigured = false,
): Settings {
  if (!row) return { ...defaultSettings, emailOn: mailConfigured };
  return {
    emailOn: row.email_on === 1,
    slackUrl: row.slack_url,
    teamsUrl: row.teams_url,
    includeText: row.include_text === 1,
    nudgeFrequency: row.nudge_frequency,
    quietHours: row.quiet_from && row.quiet_to ? { from: row.quiet_from, to: row.quiet_to } : null,
    timeZone: row.time_zone,
    kindsOff: row.kinds_off ? (row.kinds_off.split(',') as DeliveryKind[]) : [],
    coachPromptDay: row.coach_prompt_day,
  };
}

/** The settings of several people at once (the sweep reads a batch). */
export async function settingsOf(
  db: Db,
  userIds: string[],
  mailConfigured = false,
): Promise<Map<string, Settings>> {
  const out = new Map<string, Settings>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('notification_settings')
    .selectAll()
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  for (const id of userIds) out.set(id, settingsFromRow(undefined, mailConfigured));
  for (const row of rows) out.set(row.user_id, settingsFromRow(row));
  return out;
}

export async function settingsOfUser(db: Db, userId: string, mailConfigured = false): Promise<Settings> {
  const row = await db
    .selectFrom('notification_settings')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return settingsFromRow(row, mailConfigured);
}

/**
 * What a coach may know of a PM's wishes (nudges): how often and when, never the channels.
 */
export async function nudgePreferenceOf(
  db: Db,
  userId: string,
): Promise<{ frequency: NudgeFrequency; quietHours: QuietHours | null; timeZone: string }> {
  const s = await settingsOfUser(db, userId);
  return { frequency: s.nudgeFrequency, quietHours: s.quietHours, timeZone: s.timeZone };
}

const channelNames: Record<OutsideChannel, string> = {
  email: 'Email',
  slack: 'Slack',
  teams: 'Teams',
  push: 'Push',
};
export const channelName = (c: OutsideChannel) => channelNames[c];

async function failedOf(db: Db, userId: string): Promise<FailedDelivery[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select(['id', 'channel', 'title', 'attempts', 'last_error', 'created_at'])
    .where('recipient_id', '=', userId)
    .where('status', '=', 'failed')
    .where('channel', '!=', 'in-app')
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel as OutsideChannel,
    title: r.title,
    attempts: r.attempts,
    reason: r.last_error ?? 'no reason was recorded',
    at: r.created_at,
  }));
}

/** The settings page: the person's own settings, secrets masked, and what failed. */
export async function readSettings(input: {
  db: Db;
  config: Pick<Config, 'smtpUrl'>;
  actor: Actor;
  /** The time zone of the device the page runs on: the default until the person saves one. */
  deviceTimeZone?: string;
}): Promise<NotificationSettings> {
  const { db, config, actor, deviceTimeZone } = input;
  const row = await db
    .selectFrom('notification_settings')
    .select('user_id')
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  const stored = await settingsOfUser(db, actor.id, config.smtpUrl !== undefined);
  const s = !row && deviceTimeZone ? { ...stored, timeZone: deviceTimeZone } : stored;
  return {
    email: { on: s.emailOn, address: actor.email, mailConfigured: config.smtpUrl !== undefined },
    slack: { configured: s.slackUrl !== null, masked: s.slackUrl ? maskUrl(s.slackUrl) : null },
    teams: { configured: s.teamsUrl !== null, masked: s.teamsUrl ? maskUrl(s.teamsUrl) : null },
    includeText: s.includeText,
    nudgeFrequency: s.nudgeFrequency,
    quietHours: s.quietHours,
    timeZone: s.timeZone,
    kindsOff: s.kindsOff,
    coachPromptDay: s.coachPromptDay,
    failed: await failedOf(db, actor.id),
  };
}

/** Checks a webhook URL as typed: a 400 with a clear reason when it will never work. */
async function checkedUrl(
  raw: string | null | undefined,
  kept: string | null,
  label: string,
  allowPrivate: boolean,
): Promise<string | null> {
  if (raw === undefined) return kept;
  if (raw === null || raw.trim() === '') return null;
  try {
    const url = parseWebhookUrl(raw.trim(), allowPrivate);
    await resolveSafely(url, allowPrivate);
    return url.toString();
  } catch (error) {
    if (error instanceof WebhookError) throw new AppError('validation_failed', `${label}: ${error.message}.`);
    throw error;
  }
}

/** Saves the person's own settings (replaces them whole; an omitted URL keeps the stored one). */
export async function saveSettings(input: {
  db: Db;
  config: Pick<Config, 'smtpUrl' | 'allowPrivateWebhooks'>;
  actor: Actor;
  settings: NotificationSettingsInput;
  now: Date;
}): Promise<NotificationSettings> {
  const { db, config, actor, settings: s, now } = input;
  const current = await settingsOfUser(db, actor.id);
  const slackUrl = await checkedUrl(
    s.slackUrl,
    current.slackUrl,
    'Slack webhook URL',
    config.allowPrivateWebhooks,
  );
  const teamsUrl = await checkedUrl(
    s.teamsUrl,
    current.teamsUrl,
    'Teams webhook URL',
    config.allowPrivateWebhooks,
  );
  const row = {
    email_on: s.email ? 1 : 0,
    slack_url: slackUrl,
    teams_url: teamsUrl,
    include_text: s.includeText ? 1 : 0,
    nudge_frequency: s.nudgeFrequency,
    quiet_from: s.quietHours?.from ?? null,
    quiet_to: s.quietHours?.to ?? null,
    time_zone: s.timeZone,
    kinds_off: [...new Set(s.kindsOff)].join(','),
    coach_prompt_day: s.coachPromptDay,
    updated_at: nowIso(now),
  };
  await db
    .insertInto('notification_settings')
    .values({ user_id: actor.id, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
  return readSettings({ db, config, actor });
}
