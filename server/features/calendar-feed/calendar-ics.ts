import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { FeedEvent } from './calendar-events.js';

/**
 * People's words on one calendar line: control characters (CR/LF above all, which would start a
 * new line such as BEGIN:VEVENT) become spaces. Names are refused with them at the edge (issue 19,
 * row 15); this holds for names stored before that, and for every value we write.
 */
export const oneCalendarLine = (s: string) => s.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');

/** RFC 5545 TEXT escaping, for the calendar name: ical-generator writes NAME and X-WR-CALNAME as given. */
const calendarText = (s: string) => oneCalendarLine(s).replace(/[\\;,]/g, (c) => `\\${c}`);

/**
 * The feed as iCalendar text. Timed events are written in UTC (…Z), all-day ones as dates
 * (decision 034: every calendar app reads UTC the same way; a TZID without its VTIMEZONE is not).
 */
export function renderIcs(input: { name: string; events: FeedEvent[]; now: Date }): string {
  const calendar = ical({
    name: calendarText(`Wheelhouse (${input.name})`),
    prodId: { company: 'Wheelhouse', product: 'Coaching cadence', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const e of input.events) {
    calendar.createEvent({
      id: e.uid,
      summary: oneCalendarLine(e.summary),
      description: oneCalendarLine(e.description),
      start: e.start,
      end: e.end,
      allDay: e.allDay,
      stamp: input.now,
      sequence: e.sequence,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
