import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { oneLine } from '../../../util.js';
import type { FeedEvent } from './calendar-events.js';

// Every value goes through oneLine: a CR/LF in a stored name would start a line such as BEGIN:VEVENT.

/** RFC 5545 TEXT escaping, for the calendar name: ical-generator writes NAME and X-WR-CALNAME as given. */
const calendarText = (s: string) => oneLine(s).replace(/[\\;,]/g, (c) => `\\${c}`);

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
      summary: oneLine(e.summary),
      description: oneLine(e.description),
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
