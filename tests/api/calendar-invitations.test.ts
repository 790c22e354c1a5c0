import ical, { type CalendarResponse, type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendSeries } from '../../server/features/cadence/coaching-sessions/series.js';
import { runSweep } from '../../server/features/cadence/deliveries/outbox.js';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { startSmtpServer, type ReceivedMail } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 21: calendar invitations by mail (iTIP, RFC 5546) through a real SMTP server, read by
 * node-ical (a parser Wheelhouse does not otherwise use), and SEQUENCE in the feed.
 */

/** The text/calendar part of a mail: its Content-Type header line and its decoded body. */
function calendarPart(mail: ReceivedMail) {
  const boundaries = [...mail.raw.matchAll(/boundary="?([^"\r\n;]+)"?/g)].map((m) => m[1]!);
  for (const boundary of boundaries)
    for (const part of mail.raw.split(`--${boundary}`)) {
      const split = part.indexOf('\r\n\r\n');
      const head = part.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
      const type = /^Content-Type: (text\/calendar[^\r\n]*)/im.exec(head)?.[1];
      if (!type) continue;
      const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(head)?.[1]?.toLowerCase() ?? '7bit';
      const body = part.slice(split + 4);
      const text =
        encoding === 'base64'
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
          : encoding === 'quoted-printable'
            ? Buffer.from(
                body
                  .replace(/=\r\n/g, '')
                  .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
                'latin1',
              ).toString('utf8')
            : body;
      return { type, text };
    }
  throw new Error(`no text/calendar part in:\n${mail.raw.slice(0, 2000)}`);
}

const eventsOf = (parsed: CalendarResponse) =>
  Object.values(parsed).filter((c): c is VEvent => (c as { type?: string })?.type === 'VEVENT');
const mailto = (v: unknown) =>
  String(typeof v === 'object' && v !== null && 'val' in v ? (v as { val: string }).val : v).toLowerCase();

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let coach: Person;
let pm: Person;
let clock = new Date('2027-01-04T09:00:00Z');
const sweep = () => runSweep({ deps: app.deps, now: clock, producers: [], instanceId: 'invitations-test' });
const mailsTo = (p: Person, from: number) => smtp.inbox.slice(from).filter((m) => m.to.includes(p.email));

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startTestApp({ smtpUrl: smtp.url, now: () => clock });
  coach = await buildWorkspace(app);
  pm = await buildPm(app, coach, 'Pia PM');
  for (const who of [coach, pm]) {
    const on = await who.client.put('/api/me/notifications', {
      email: true,
      includeText: true,
      nudgeFrequency: 'weekly',
      quietHours: null,
      timeZone: 'Europe/Berlin',
      kindsOff: [],
      coachPromptDay: 1,
    });
    expect(on.status, on.text).toBe(200);
  }
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

describe('a single coaching session: REQUEST, update, CANCEL', () => {
  let id: string;
  let uid: string;

  it('mails both people a REQUEST with organiser, attendees (RSVP), time zone, link and alarm', async () => {
    const before = smtp.inbox.length;
    const res = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2027-01-20T14:30',
      timeZone: 'Europe/Berlin',
    });
    expect(res.status, res.text).toBe(200);
    id = res.body.id;
    expect(res.body.sequence).toBe(0);
    await sweep();
    for (const who of [pm, coach]) {
      const mails = mailsTo(who, before);
      expect(mails).toHaveLength(1);
      const part = calendarPart(mails[0]!);
      // Outlook and Google read the method from the MIME part's header, not only from the body.
      expect(part.type).toMatch(/^text\/calendar;.*method=REQUEST/i);
      expect(part.text).toContain('METHOD:REQUEST');
      expect(part.text).toContain('DTSTART;TZID=Europe/Berlin:20270120T143000');
      expect(part.text).toContain('BEGIN:VTIMEZONE');
      const parsed = ical.sync.parseICS(part.text);
      expect(parsed.vcalendar?.method).toBe('REQUEST');
      const [event] = eventsOf(parsed);
      uid = event!.uid;
      expect(uid).toBe(`coaching-session-${id}@wheelhouse`);
      expect(event!.start.toISOString()).toBe('2027-01-20T13:30:00.000Z');
      expect(event!.end!.toISOString()).toBe('2027-01-20T14:30:00.000Z');
      expect(event!.start.tz).toBe('Europe/Berlin');
      expect(Number(event!.sequence)).toBe(0);
      expect(mailto(event!.organizer)).toBe(`mailto:${coach.email}`);
      const attendees = [event!.attendee].flat() as { params: Record<string, string>; val: string }[];
      const pmAttendee = attendees.find((a) => a.val.toLowerCase() === `mailto:${pm.email}`);
      expect(String(pmAttendee?.params.RSVP).toUpperCase()).toBe('TRUE');
      expect(mailto(event!.url)).toMatch(new RegExp(`/coaching-sessions/${id}$`));
      expect(part.text).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER:-PT15M[\s\S]*END:VALARM/);
    }
  });

  it('keeps SEQUENCE (session and feed) through notes and agenda edits, mails nothing; a move raises it by one and mails an update', async () => {
    const feed = await pm.client.post('/api/me/calendar-feed');
    const feedPath = new URL(feed.body.url as string).pathname;
    const feedSequence = async () => {
      const text = await (await fetch(`${app.url}${feedPath}`)).text();
      const event = eventsOf(ical.sync.parseICS(text)).find((e) => e.uid === uid)!;
      return Number(event.sequence);
    };
    expect(await feedSequence()).toBe(0);
    const before = smtp.inbox.length;
    clock = new Date(clock.getTime() + 3600_000);
    expect(
      (await pm.client.put(`/api/coaching-sessions/${id}/notes`, { body: 'Bring the interview notes' }))
        .status,
    ).toBe(200);
    expect(
      (await coach.client.post(`/api/coaching-sessions/${id}/agenda`, { text: 'The roadmap review' })).status,
    ).toBe(200);
    expect((await pm.client.patch(`/api/coaching-sessions/${id}`, { kind: 'monthly' })).status).toBe(200);
    expect((await pm.client.get(`/api/coaching-sessions/${id}`)).body.sequence).toBe(0);
    expect(await feedSequence()).toBe(0);
    await sweep();
    expect(smtp.inbox.length).toBe(before);

    const moved = await pm.client.patch(`/api/coaching-sessions/${id}`, { startsAt: '2027-01-21T09:00' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.sequence).toBe(1);
    expect(await feedSequence()).toBe(1);
    await sweep();
    for (const who of [pm, coach]) {
      const mails = mailsTo(who, before);
      expect(mails).toHaveLength(1);
      const part = calendarPart(mails[0]!);
      expect(part.type).toMatch(/method=REQUEST/i);
      const [event] = eventsOf(ical.sync.parseICS(part.text));
      expect(event!.uid).toBe(uid);
      expect(Number(event!.sequence)).toBe(1);
      expect(event!.start.toISOString()).toBe('2027-01-21T08:00:00.000Z');
    }
    // A second sweep sends nothing again (the outbox's key).
    await sweep();
    expect(smtp.inbox.length).toBe(before + 2);
  });

  it('cancelling mails METHOD:CANCEL with STATUS:CANCELLED; the other person sees the reason in the app', async () => {
    const before = smtp.inbox.length;
    const cancelled = await pm.client.post(`/api/coaching-sessions/${id}/cancel`, {
      reason: 'Off sick this week',
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Off sick this week',
      sequence: 2,
    });
    await sweep();
    const mail = mailsTo(coach, before);
    expect(mail).toHaveLength(1);
    const part = calendarPart(mail[0]!);
    expect(part.type).toMatch(/method=CANCEL/i);
    const parsed = ical.sync.parseICS(part.text);
    expect(parsed.vcalendar?.method).toBe('CANCEL');
    const [event] = eventsOf(parsed);
    expect(event!.uid).toBe(uid);
    expect(event!.status).toBe('CANCELLED');
    expect(Number(event!.sequence)).toBe(2);
    // The mail's words (quoted-printable lines joined) say who cancelled and why.
    expect(mail[0]!.raw.replace(/=\r\n/g, '')).toContain(
      'Pia PM made this change. Reason: Off sick this week',
    );
    const seen = await coach.client.get(`/api/coaching-sessions/${id}`);
    expect(seen.body.cancelReason).toBe('Off sick this week');
    const inbox = await coach.client.get('/api/me/inbox');
    const kinds = (inbox.body.items as { kind: string; title: string }[]).map((i) => i.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['session-scheduled', 'session-moved', 'session-cancelled']),
    );
    // A failed cancel (already cancelled) changes nothing and mails nothing.
    expect((await coach.client.post(`/api/coaching-sessions/${id}/cancel`, {})).status).toBe(409);
    await sweep();
    expect(smtp.inbox.length).toBe(before + 2);
  });
});

describe('a monthly series across the end of March (DST), one occurrence moved and one cancelled', () => {
  let firstId: string;
  let uid: string;
  const occurrences = async () =>
    (
      (await pm.client.get(`/api/pms/${pm.id}/coaching-sessions`)).body.upcoming as {
        id: string;
        startsAt: string;
        localStart: string;
        status: string;
        series: { id: string; repeats: string } | null;
      }[]
    ).filter((s) => s.series);

  it('schedules "every month on the second Tuesday at 10:00 Europe/Berlin" as one REQUEST with an RRULE', async () => {
    const before = smtp.inbox.length;
    const res = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2027-01-12T10:00',
      timeZone: 'Europe/Berlin',
      repeat: 'monthly',
    });
    expect(res.status, res.text).toBe(200);
    firstId = res.body.id;
    expect(res.body.series.repeats).toBe('Every month on the second Tuesday');
    const rows = await occurrences();
    expect(rows.map((r) => [r.localStart, r.startsAt])).toEqual([
      ['2027-01-12T10:00', '2027-01-12T09:00:00.000Z'],
      ['2027-02-09T10:00', '2027-02-09T09:00:00.000Z'],
      ['2027-03-09T10:00', '2027-03-09T09:00:00.000Z'],
      ['2027-04-13T10:00', '2027-04-13T08:00:00.000Z'],
    ]);
    await sweep();
    const mails = mailsTo(pm, before);
    expect(mails).toHaveLength(1);
    const part = calendarPart(mails[0]!);
    expect(part.type).toMatch(/method=REQUEST/i);
    const [event] = eventsOf(ical.sync.parseICS(part.text));
    uid = event!.uid;
    expect(uid).toMatch(/^coaching-series-/);
    const starts = ical
      .expandRecurringEvent(event!, { from: new Date('2027-01-01'), to: new Date('2027-06-30') })
      .map((i) => i.start.toISOString());
    expect(starts).toEqual([
      '2027-01-12T09:00:00.000Z',
      '2027-02-09T09:00:00.000Z',
      '2027-03-09T09:00:00.000Z',
      '2027-04-13T08:00:00.000Z',
      '2027-05-11T08:00:00.000Z',
      '2027-06-08T08:00:00.000Z',
    ]);
  });

  it('moving one occurrence mails the series again (same UID, higher SEQUENCE, a RECURRENCE-ID override); cancelling one mails a CANCEL for it', async () => {
    const [, february, march] = await occurrences();
    let before = smtp.inbox.length;
    const moved = await coach.client.patch(`/api/coaching-sessions/${february!.id}`, {
      startsAt: '2027-02-10T11:00',
      scope: 'this',
    });
    expect(moved.status, moved.text).toBe(200);
    await sweep();
    let part = calendarPart(mailsTo(pm, before)[0]!);
    expect(part.type).toMatch(/method=REQUEST/i);
    const request = eventsOf(ical.sync.parseICS(part.text));
    expect(request.every((e) => e.uid === uid)).toBe(true);
    expect(Number(request[0]!.sequence)).toBe(1);

    before = smtp.inbox.length;
    const cancelled = await pm.client.post(`/api/coaching-sessions/${march!.id}/cancel`, {
      reason: 'Conference week',
      scope: 'this',
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    await sweep();
    part = calendarPart(mailsTo(coach, before)[0]!);
    expect(part.type).toMatch(/method=CANCEL/i);
    expect(part.text).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20270309T100000');
    const [cancel] = eventsOf(ical.sync.parseICS(part.text));
    expect(cancel!.uid).toBe(uid);
    expect(cancel!.status).toBe('CANCELLED');
    expect(Number(cancel!.sequence)).toBe(2);
    expect((await coach.client.get(`/api/coaching-sessions/${march!.id}`)).body.cancelReason).toBe(
      'Conference week',
    );
    // The occurrences before and after are untouched.
    expect((await occurrences()).map((r) => [r.localStart, r.status])).toEqual([
      ['2027-01-12T10:00', 'scheduled'],
      ['2027-02-10T11:00', 'scheduled'],
      ['2027-04-13T10:00', 'scheduled'],
    ]);
  });

  it('the feed carries the series: RRULE, an EXDATE for the cancelled one, the moved one as an override, summer time after March', async () => {
    const feed = await coach.client.post('/api/me/calendar-feed');
    const text = await fetch(`${app.url}${new URL(feed.body.url as string).pathname}`).then((r) => r.text());
    expect(text).toContain('EXDATE;TZID=Europe/Berlin:20270309T100000');
    const parsed = ical.sync.parseICS(text);
    const master = eventsOf(parsed).find((e) => e.uid === uid && e.rrule)!;
    expect(Number(master.sequence)).toBe(2);
    const starts = ical
      .expandRecurringEvent(master, { from: new Date('2027-01-01'), to: new Date('2027-05-31') })
      .map((i) => i.start.toISOString());
    expect(starts).toEqual([
      '2027-01-12T09:00:00.000Z',
      '2027-02-10T10:00:00.000Z',
      '2027-04-13T08:00:00.000Z',
      '2027-05-11T08:00:00.000Z',
    ]);
    expect(firstId).toBeTruthy();
  });

  it('cancelling this and the rest ends the series before it: an update with UNTIL, later occurrences cancelled', async () => {
    const rows = await occurrences();
    const april = rows.find((r) => r.localStart === '2027-04-13T10:00')!;
    const before = smtp.inbox.length;
    const res = await coach.client.post(`/api/coaching-sessions/${april.id}/cancel`, { scope: 'rest' });
    expect(res.status, res.text).toBe(200);
    await sweep();
    const part = calendarPart(mailsTo(pm, before)[0]!);
    expect(part.type).toMatch(/method=REQUEST/i);
    const [event] = eventsOf(ical.sync.parseICS(part.text));
    const starts = ical
      .expandRecurringEvent(event!, { from: new Date('2027-01-01'), to: new Date('2027-12-31') })
      .map((i) => i.start.toISOString());
    expect(starts).toEqual(['2027-01-12T09:00:00.000Z', '2027-02-10T10:00:00.000Z']);
    expect((await occurrences()).map((r) => r.localStart)).toEqual(['2027-01-12T10:00', '2027-02-10T11:00']);
  });
});

describe('a weekly check-in series beside the monthly one', () => {
  it('is materialised about fourteen weeks ahead, and the sweep keeps it ahead as time passes', async () => {
    const res = await pm.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      kind: 'weekly',
      startsAt: '2027-01-07T09:00',
      timeZone: 'Europe/Berlin',
      minutes: 30,
      repeat: 'weekly',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.series.repeats).toBe('Every week on Thursday');
    const weekly = async () =>
      (
        (await coach.client.get(`/api/pms/${pm.id}/coaching-sessions`)).body.upcoming as {
          kind: string;
          localStart: string;
        }[]
      )
        .filter((s) => s.kind === 'weekly')
        .map((s) => s.localStart);
    const first = await weekly();
    expect(first[0]).toBe('2027-01-07T09:00');
    expect(first.length).toBe(14);
    clock = new Date('2027-02-15T09:00:00Z');
    const before = await app.deps.db
      .selectFrom('coaching_sessions')
      .select('id')
      .where('kind', '=', 'weekly')
      .execute();
    await runSweep({ deps: app.deps, now: clock, producers: [extendSeries], instanceId: 'invitations-test' });
    const after = await app.deps.db
      .selectFrom('coaching_sessions')
      .select('local_start')
      .where('kind', '=', 'weekly')
      .orderBy('local_start', 'desc')
      .execute();
    expect(after.length).toBe(before.length + 6);
    expect(after[0]!.local_start).toBe('2027-05-20T09:00');
  });
});

describe('moving this and the rest of a series', () => {
  it('ends the old series before it and starts a new one at the new time (two invitations each)', async () => {
    const res = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2027-03-03T15:00',
      timeZone: 'Europe/Berlin',
      repeat: 'monthly',
    });
    expect(res.status, res.text).toBe(200);
    const seriesId = res.body.series.id as string;
    await sweep();
    const ofSeries = async () =>
      (
        (await pm.client.get(`/api/pms/${pm.id}/coaching-sessions`)).body.upcoming as {
          id: string;
          localStart: string;
          series: { id: string; repeats: string } | null;
        }[]
      ).filter((s) => (s.series && s.localStart.endsWith('15:00')) || s.localStart.endsWith('16:00'));
    const april = (await ofSeries()).find((s) => s.localStart === '2027-04-07T15:00')!;
    const before = smtp.inbox.length;
    const moved = await pm.client.patch(`/api/coaching-sessions/${april.id}`, {
      startsAt: '2027-04-08T16:00',
      scope: 'rest',
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.series.repeats).toBe('Every month on the second Thursday');
    expect(moved.body.series.id).not.toBe(seriesId);
    await sweep();
    const mails = mailsTo(coach, before).map((m) => eventsOf(ical.sync.parseICS(calendarPart(m).text))[0]!);
    expect(mails).toHaveLength(2);
    const old = mails.find((e) => e.uid === `coaching-series-${seriesId}@wheelhouse`)!;
    expect(
      ical
        .expandRecurringEvent(old, { from: new Date('2027-01-01'), to: new Date('2027-12-31') })
        .map((i) => i.start.toISOString()),
    ).toEqual(['2027-03-03T14:00:00.000Z']);
    const fresh = mails.find((e) => e.uid !== old.uid)!;
    expect(
      ical
        .expandRecurringEvent(fresh, { from: new Date('2027-01-01'), to: new Date('2027-06-30') })
        .map((i) => i.start.toISOString()),
    ).toEqual(['2027-04-08T14:00:00.000Z', '2027-05-13T14:00:00.000Z', '2027-06-10T14:00:00.000Z']);
    expect((await ofSeries()).map((s) => s.localStart)).toEqual(
      expect.arrayContaining(['2027-03-03T15:00', '2027-04-08T16:00', '2027-05-13T16:00']),
    );
    expect((await ofSeries()).map((s) => s.localStart)).not.toContain('2027-05-05T15:00');
  });
});

describe('bad input', () => {
  it('refuses an unknown repeat, scope or a long reason with a short message, and changes nothing', async () => {
    const bad = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2027-02-01T10:00',
      timeZone: 'Europe/Berlin',
      repeat: 'daily',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^repeat: /);
    const one = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2027-02-01T10:00',
      timeZone: 'Europe/Berlin',
    });
    const long = await coach.client.post(`/api/coaching-sessions/${one.body.id}/cancel`, {
      reason: 'x'.repeat(301),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/^reason: /);
    const scope = await coach.client.post(`/api/coaching-sessions/${one.body.id}/cancel`, { scope: 'all' });
    expect(scope.status).toBe(400);
    expect((await coach.client.get(`/api/coaching-sessions/${one.body.id}`)).body.status).toBe('scheduled');
  });
});
