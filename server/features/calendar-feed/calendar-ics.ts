import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { FeedEvent } from './calendar-events.js';

/**
 * The feed as iCalendar text. Timed events are written in UTC (…Z), all-day ones as dates
 * (decision 034: every calendar app reads UTC the same way; a TZID without its VTIMEZONE is not).
 */
export function renderIcs(input: { name: string; events: FeedEvent[]; now: Date }): string {
  const calendar = ical({
    name: `Wheelhouse (${input.name})`,
    prodId: { company: 'Wheelhouse', product: 'Coaching cadence', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const e of input.events) {
    calendar.createEvent({
      id: e.uid,
      summary: e.summary,
      description: e.description,
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
