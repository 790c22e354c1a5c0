import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { OutsideChannel } from '../../../../common/deliveries.js';
import { deliveryKindInfo } from '../../../../common/delivery-kinds.js';
import type { Db } from '../../../db/database.js';
import type { DeliveryTable } from '../../../db/schema.js';
import type { Deps } from '../../../http/env.js';
import { newId, nowIso } from '../../../util.js';
import { outsideMessage, sendOutside, type SendOutcome } from './channels.js';
import type { DueDelivery, DueProducer } from './due.js';
import { settingsOf, settingsOfUser, type Settings } from './settings.js';
import { maxAttempts, quietUntil, retryDelayMs } from './timing.js';
import { seal } from '../../../crypto/sealed-fields.js';
import { sendPush } from './push-send.js';
import { hasPush } from './push-subscriptions.js';

/**
 * The outbox (decision 033): every delivery is a row per (key, channel), stored once by a unique
 * index; every instance runs the same sweep, claims due rows with one conditional UPDATE and
 * sends only what that UPDATE handed it.
 */

/** How long a claim holds: a row still 'sending' after this is taken to be orphaned and retried. */
export const leaseMs = 2 * 60_000;
const batchSize = 100;

export type DeliveryRow = DeliveryTable;

function outsideChannels(s: Settings, pushOn: boolean): OutsideChannel[] {
  const out: OutsideChannel[] = [];
  if (s.emailOn) out.push('email');
  if (s.slackUrl) out.push('slack');
  if (s.teamsUrl) out.push('teams');
  if (pushOn) out.push('push');
  return out;
}

/** Nudges and their answers always reach the inbox (a PM pauses nudges instead); tests always go. */
const mayBeTurnedOff = (kind: DueDelivery['kind']) => deliveryKindInfo[kind].switchable;

/**
 * Stores one delivery for a person: always in their inbox (in-app, sent at once), plus a
 * pending row per outside channel they enabled. Nothing when they turned the kind off. The same
 * key is stored once whoever enqueues it; answers whether it was new.
 */
export async function enqueueDelivery(input: {
  db: Db;
  now: Date;
  delivery: DueDelivery;
  /** Whether this server can send mail: email is then on for people who never chose. */
  mailConfigured?: boolean;
}): Promise<boolean> {
  const { db, now, delivery: d, mailConfigured = false } = input;
  const settings = await settingsOfUser(db, d.recipientId, mailConfigured);
  if (mayBeTurnedOff(d.kind) && settings.kindsOff.includes(d.kind)) return false;
  const pushOn = await hasPush(db, d.recipientId);
  const at = nowIso(now);
  const base = {
    key: d.key,
    recipient_id: d.recipientId,
    kind: d.kind,
    title: d.title,
    text: seal(db, 'deliveries.text', d.text),
    link: d.link,
    attempts: 0,
    created_at: at,
  };
  const startAt = nowIso(quietUntil(now, settings.quietHours, settings.timeZone) ?? now);
  // One transaction for the in-app row and its channels (or the caller's, when already in one).
  const inTransaction = <T>(work: (trx: Db) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return inTransaction(async (trx) => {
    const inApp = await trx
      .insertInto('deliveries')
      .values({ ...base, id: newId(), channel: 'in-app', status: 'sent', next_attempt_at: at, sent_at: at })
      .onConflict((oc) => oc.columns(['key', 'channel']).doNothing())
      .executeTakeFirst();
    if (Number(inApp.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const outside = outsideChannels(settings, pushOn).map((channel) => ({
      ...base,
      id: newId(),
      channel,
      calendar: channel === 'email' ? (d.calendar ?? null) : null,
      status: 'pending' as const,
      next_attempt_at: startAt,
    }));
    if (outside.length > 0)
      await trx
        .insertInto('deliveries')
        .values(outside)
        .onConflict((oc) => oc.columns(['key', 'channel']).doNothing())
        .execute();
    return true;
  });
}

/**
 * Claims due outside deliveries for this instance with ONE conditional UPDATE: pending rows whose
 * time has come, and 'sending' rows whose lease ran out (their instance died mid-send). On
 * PostgreSQL the ids are picked FOR UPDATE SKIP LOCKED, so concurrent sweeps take disjoint rows;
 * on SQLite the single writer makes UPDATE … RETURNING atomic. Only returned rows are this
 * instance's to send.
 */
export async function claimDue(input: {
  db: Db;
  engine: Deps['engine'];
  now: Date;
  instanceId: string;
  limit?: number;
}): Promise<DeliveryRow[]> {
  const { db, engine, now, instanceId, limit = batchSize } = input;
  const at = nowIso(now);
  const due = db
    .selectFrom('deliveries')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', at)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit)
    .$if(engine === 'postgres', (q) => q.forUpdate().skipLocked());
  return db
    .updateTable('deliveries')
    .set({
      status: 'sending',
      claimed_by: instanceId,
      lease_until: nowIso(new Date(now.getTime() + leaseMs)),
    })
    .where('id', 'in', due)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', at)]),
      ]),
    )
    .returningAll()
    .execute();
}

/** Sends one claimed delivery on its channel (replaceable in tests to simulate a dying instance). */
export type Sender = (args: {
  deps: Pick<Deps, 'db' | 'config' | 'mailer'>;
  row: DeliveryRow;
  settings: Settings;
  recipient: { email: string; workspaceId: string };
}) => Promise<SendOutcome>;

export const sendRow: Sender = async ({ deps, row, settings, recipient }) => {
  if (row.channel === 'push') {
    // Each browser chooses whether it shows the text (decision 061), so the text is made here.
    const m = await outsideMessage({
      deps,
      workspaceId: recipient.workspaceId,
      settings: { ...settings, includeText: true },
      delivery: row,
    });
    const link = row.link.startsWith('/') ? row.link : `/${row.link}`;
    return sendPush({ deps, userId: row.recipient_id, message: { title: m.title, link, text: m.text } });
  }
  const message = await outsideMessage({ deps, workspaceId: recipient.workspaceId, settings, delivery: row });
  return sendOutside({
    deps,
    channel: row.channel as Exclude<OutsideChannel, 'push'>,
    settings,
    email: recipient.email,
    message,
  });
};

export interface SweepResult {
  produced: number;
  enqueued: number;
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  deferred: number;
  /** Claimed, but another instance took them over before this one got to them (lease ran out). */
  lost: number;
}

/** Records what happened to a claimed row, only while this instance still holds it (answers whether it did). */
async function settle(db: Db, row: DeliveryRow, instanceId: string, values: Partial<DeliveryRow>) {
  const r = await db
    .updateTable('deliveries')
    .set(values)
    .where('id', '=', row.id)
    .where('claimed_by', '=', instanceId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks one of a person's in-app deliveries read by its key (a nudge they answered is no longer new). */
export async function markDeliveryRead(input: { db: Db; recipientId: string; key: string; now: Date }) {
  await input.db
    .updateTable('deliveries')
    .set({ read_at: nowIso(input.now) })
    .where('recipient_id', '=', input.recipientId)
    .where('key', '=', input.key)
    .where('channel', '=', 'in-app')
    .where('read_at', 'is', null)
    .execute();
}

/** Sends rows this instance claimed, one by one, recording each outcome as soon as it is known. */
export async function sendClaimed(input: {
  deps: Pick<Deps, 'db' | 'config' | 'mailer' | 'log'>;
  rows: DeliveryRow[];
  now: Date;
  instanceId: string;
  send?: Sender;
  result: SweepResult;
  /** The sweep's time, moving on with the wall clock while it runs (default: `now`). */
  clock?: () => Date;
}): Promise<void> {
  const { deps, rows, now, instanceId, send = sendRow, result, clock = () => now } = input;
  const { db } = deps;
  if (rows.length === 0) return;
  const ids = [...new Set(rows.map((r) => r.recipient_id))];
  const settings = await settingsOf(db, ids, deps.config.smtpUrl !== undefined);
  const people = new Map(
    (
      await db.selectFrom('users').select(['id', 'email', 'workspace_id']).where('id', 'in', ids).execute()
    ).map((u) => [u.id, { email: u.email, workspaceId: u.workspace_id }]),
  );
  for (const row of rows) {
    // Still ours? Renew the lease right before sending; a row another instance took over after
    // our lease ran out (we were slow, not dead) is left to it: no repeat from a late instance.
    const held = await db
      .updateTable('deliveries')
      .set({ lease_until: nowIso(new Date(clock().getTime() + leaseMs)) })
      .where('id', '=', row.id)
      .where('claimed_by', '=', instanceId)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    if (Number(held.numUpdatedRows) === 0) {
      result.lost++;
      continue;
    }
    const s = settings.get(row.recipient_id)!;
    const recipient = people.get(row.recipient_id);
    const wait = quietUntil(now, s.quietHours, s.timeZone);
    if (wait) {
      // Quiet hours (theirs, in their time zone): back to pending until they end; no attempt used.
      await settle(db, row, instanceId, {
        status: 'pending',
        next_attempt_at: nowIso(wait),
        claimed_by: null,
        lease_until: null,
      });
      result.deferred++;
      continue;
    }
    let outcome: SendOutcome;
    try {
      outcome = recipient
        ? await send({ deps, row, settings: s, recipient })
        : { ok: false, reason: 'The person no longer exists', permanent: true };
    } catch {
      outcome = { ok: false, reason: 'Sending failed unexpectedly', permanent: false };
    }
    if (outcome.ok) {
      const recorded = await settle(db, row, instanceId, {
        status: 'sent',
        sent_at: nowIso(now),
        lease_until: null,
        last_error: null,
      });
      // Not recorded: our lease ran out mid-send and another instance took the row over (decision 033).
      if (recorded) result.sent++;
      else result.lost++;
      continue;
    }
    const attempts = row.attempts + 1;
    const giveUp = outcome.permanent || attempts >= maxAttempts;
    await settle(db, row, instanceId, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      last_error: outcome.reason.slice(0, 300),
      next_attempt_at: giveUp
        ? row.next_attempt_at
        : nowIso(new Date(now.getTime() + retryDelayMs(attempts))),
      lease_until: null,
    });
    if (giveUp) result.failed++;
    else result.retrying++;
    deps.log.info(
      { delivery: row.id, channel: row.channel, attempts, reason: outcome.reason },
      'delivery not sent',
    );
  }
}

/**
 * One sweep, the same on every instance: (a) ask each producer what is due and enqueue it (the
 * unique key makes a second instance's enqueue a no-op); (b) claim due outside deliveries and
 * send them, batch after batch, until none is left for this instance.
 */
export async function runSweep(input: {
  deps: Pick<Deps, 'db' | 'engine' | 'config' | 'mailer' | 'log'>;
  now: Date;
  producers: readonly DueProducer[];
  instanceId: string;
  send?: Sender;
  maxBatches?: number;
}): Promise<SweepResult> {
  const { deps, now, producers, instanceId, send, maxBatches = 20 } = input;
  const result: SweepResult = {
    produced: 0,
    enqueued: 0,
    claimed: 0,
    sent: 0,
    retrying: 0,
    failed: 0,
    deferred: 0,
    lost: 0,
  };
  // `now` at the start, moving on with the wall clock: a long sweep's leases stay honest.
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  for (const produce of producers) {
    let due: DueDelivery[] = [];
    try {
      due = await produce({ db: deps.db, now, config: deps.config });
    } catch (error) {
      deps.log.warn({ err: error, producer: produce.name }, 'a delivery producer failed; the others go on');
      continue;
    }
    result.produced += due.length;
    for (const delivery of due) {
      const mailConfigured = deps.config.smtpUrl !== undefined;
      if (await enqueueDelivery({ db: deps.db, now, delivery, mailConfigured })) result.enqueued++;
    }
  }
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await claimDue({ db: deps.db, engine: deps.engine, now: clock(), instanceId });
    if (rows.length === 0) break;
    result.claimed += rows.length;
    await sendClaimed({ deps, rows, now, instanceId, send, result, clock });
  }
  return result;
}

/** An id for this process, recorded on the rows it claims (host, pid and a random part). */
export const newInstanceId = () => `${hostname()}/${process.pid}/${newId().slice(0, 8)}`;

/**
 * The clock: runs the sweep every SWEEP_INTERVAL_SECONDS with croner; `protect` skips a tick
 * while the previous sweep still runs. Answers a function that stops it.
 */
export function startSweeps(input: {
  deps: Pick<Deps, 'db' | 'engine' | 'config' | 'mailer' | 'log' | 'now'>;
  producers: readonly DueProducer[];
  instanceId?: string;
}): () => void {
  const { deps, producers, instanceId = newInstanceId() } = input;
  const job = new Cron(
    '* * * * * *',
    { protect: true, interval: deps.config.sweepIntervalSeconds, name: 'delivery-sweep' },
    async () => {
      try {
        const r = await runSweep({ deps, now: deps.now(), producers, instanceId });
        if (r.claimed + r.enqueued > 0) deps.log.info(r, 'delivery sweep');
      } catch (error) {
        deps.log.warn({ err: error }, 'delivery sweep failed; the next one tries again');
      }
    },
  );
  return () => job.stop();
}
