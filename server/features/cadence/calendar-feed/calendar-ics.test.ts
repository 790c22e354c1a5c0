import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from './calendar-events.js';
import { renderIcs } from './calendar-ics.js';

const timed: FeedEvent = {
  uid: 'coaching-session-1@wheelhouse',
  summary: 'Coaching session with Pia, Jr; "the PM"',
  description: '2027-10-31 02:30 (Europe/Berlin), 60 minutes.',
  start: new Date('2027-10-31T00:30:00Z'),
  end: new Date('2027-10-31T01:30:00Z'),
  allDay: false,
  cancelled: true,
  sequence: 7,
};
const allDay: FeedEvent = {
  uid: 'action-1@wheelhouse',
  summary: 'Action due',
  description: '',
  start: new Date('2026-12-31T00:00:00Z'),
  end: new Date('2027-01-01T00:00:00Z'),
  allDay: true,
  cancelled: false,
  sequence: 0,
};

const parse = (text: string) =>
  new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((v) => ({ v, e: new ICAL.Event(v) }));

describe('the feed as iCalendar', () => {
  const text = renderIcs({ name: 'Pia', events: [timed, allDay], now: new Date('2026-11-26T00:00:00Z') });
  const [session, action] = parse(text);

  it('writes timed events in UTC, so every calendar app places them at the same instant', () => {
    expect(text).toContain('DTSTART:20271031T003000Z');
    expect(text).not.toContain('TZID');
    expect(session!.e.startDate.toJSDate().toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(session!.e.endDate.toJSDate().toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });

  it('keeps names with commas, semicolons and quotes intact, and marks a cancelled event', () => {
    expect(session!.e.summary).toBe(timed.summary);
    expect(session!.e.uid).toBe(timed.uid);
    expect(session!.v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(session!.e.sequence).toBe(7);
  });

  it('writes all-day events as dates, across a year end', () => {
    expect(action!.e.startDate.isDate).toBe(true);
    expect(action!.e.startDate.toString()).toBe('2026-12-31');
    expect(action!.e.endDate.toString()).toBe('2027-01-01');
    expect(action!.v.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });
});
