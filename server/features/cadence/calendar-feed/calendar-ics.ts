import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { oneLine } from '../../../util.js';
import type { FeedEvent } from './calendar-events.js';
import { renderSessionIcs, type SessionIcsEvent } from '../coaching-sessions/invitation-ics.js';

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

/** Adds recurring series (with their VTIMEZONEs, before the first event) to a rendered feed. */
export function withSeries(ics: string, series: SessionIcsEvent[], now: Date): string {
  if (series.length === 0) return ics;
  const extra = renderSessionIcs({ method: 'PUBLISH', events: series, now });
  const firstEvent = extra.indexOf('BEGIN:VEVENT');
  const zones = extra.slice(extra.indexOf('BEGIN:VTIMEZONE'), firstEvent);
  const events = extra.slice(firstEvent, extra.lastIndexOf('END:VCALENDAR'));
  const end = ics.lastIndexOf('END:VCALENDAR');
  const at = ics.includes('BEGIN:VEVENT') ? ics.indexOf('BEGIN:VEVENT') : end;
  return `${ics.slice(0, at)}${zones}${ics.slice(at, end)}${events}${ics.slice(end)}`;
}
