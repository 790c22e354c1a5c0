import { sendPush } from './push-send.js';
import type { InboxItem, InboxPage, OutsideChannel, TestSendResult } from '../../../../common/deliveries.js';
import type { Db } from '../../../db/database.js';
import type { Deps } from '../../../http/env.js';
import type { Actor } from '../../../privacy/actor.js';
import { nowIso } from '../../../util.js';
import { outsideMessage, sendOutside } from './channels.js';
import type { DeliveryKind } from './due.js';
import { channelName, settingsOfUser } from './settings.js';
import { unseal } from '../../../crypto/sealed-fields.js';

const pageSize = 20;

const present = (r: {
  id: string;
  kind: string;
  title: string;
  text: string;
  link: string;
  created_at: string;
  read_at: string | null;
}): InboxItem => ({
  id: r.id,
  kind: r.kind as DeliveryKind,
  title: r.title,
  text: r.text,
  link: r.link,
  createdAt: r.created_at,
  read: r.read_at !== null,
});

export async function unreadCount(input: { db: Db; actor: Actor }): Promise<number> {
  const row = await input.db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('recipient_id', '=', input.actor.id)
    .where('channel', '=', 'in-app')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The person's own inbox, newest first, a page at a time. */
export async function listInbox(input: { db: Db; actor: Actor; page: number }): Promise<InboxPage> {
  const { db, actor, page } = input;
  const rows = await db
    .selectFrom('deliveries')
    .select(['id', 'kind', 'title', 'text', 'link', 'created_at', 'read_at'])
    .where('recipient_id', '=', actor.id)
    .where('channel', '=', 'in-app')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: rows.slice(0, pageSize).map((r) => present({ ...r, text: unseal(db, 'deliveries.text', r.text) })),
    page,
    hasMore: rows.length > pageSize,
    unread: await unreadCount({ db, actor }),
  };
}

/** Marks the person's own items read (some, or all); others' ids simply match nothing. */
export async function markRead(input: {
  db: Db;
  actor: Actor;
  ids: string[] | 'all';
  now: Date;
}): Promise<number> {
  const { db, actor, ids, now } = input;
  if (ids !== 'all' && ids.length === 0) return unreadCount({ db, actor });
  await db
    .updateTable('deliveries')
    .set({ read_at: nowIso(now) })
    .where('recipient_id', '=', actor.id)
    .where('channel', '=', 'in-app')
    .where('read_at', 'is', null)
    .$if(ids !== 'all', (q) => q.where('id', 'in', ids as string[]))
    .execute();
  return unreadCount({ db, actor });
}

const testText = 'If you can read this, Wheelhouse can reach you here.';

/** "Send a test": now, on one channel, with the settings as saved; answers the outcome in words. */
export async function sendTest(input: {
  deps: Pick<Deps, 'db' | 'config' | 'mailer'>;
  actor: Actor;
  channel: OutsideChannel;
}): Promise<TestSendResult> {
  const { deps, actor, channel } = input;
  const settings = await settingsOfUser(deps.db, actor.id);
  const name = channelName(channel);
  if (channel === 'slack' && !settings.slackUrl)
    return { ok: false, message: 'No Slack webhook is set: add one and save first.' };
  if (channel === 'teams' && !settings.teamsUrl)
    return { ok: false, message: 'No Teams webhook is set: add one and save first.' };
  if (channel === 'push') {
    const outcome = await sendPush({
      deps,
      userId: actor.id,
      message: { title: 'Test from Wheelhouse', link: '/account/notifications', text: testText },
    });
    return outcome.ok
      ? { ok: true, message: 'Sent. Look for the notification on your devices.' }
      : { ok: false, message: `${outcome.reason}.` };
  }
  const message = await outsideMessage({
    deps,
    workspaceId: actor.workspaceId,
    settings: { ...settings, includeText: true },
    delivery: {
      kind: 'test',
      title: 'Test from Wheelhouse',
      text: testText,
      link: '/account/notifications',
    },
  });
  const outcome = await sendOutside({ deps, channel, settings, email: actor.email, message });
  return outcome.ok
    ? { ok: true, message: `Sent. Look for the test message in ${name === 'Email' ? 'your mail' : name}.` }
    : { ok: false, message: `${outcome.reason}.` };
}
