import { oneLine } from '../../../util.js';
import { vtimezone } from './vtimezone.js';
import { wallAsUtc, zonedToUtc } from './zoned-time.js';

/**
 * Coaching sessions as iCalendar text with their time zone (DTSTART;TZID=… plus its VTIMEZONE):
 * the iTIP invitations mailed to both people (RFC 5546: METHOD REQUEST or CANCEL) and the
 * recurring series of the feed. Written by hand, not with ical-generator: it writes a Date given
 * with a TZID as UTC wall-clock time and DTSTAMP without its Z.
 */
export interface SessionIcsEvent {
  uid: string;
  summary: string;
  description: string;
  url: string;
  /** Local "YYYY-MM-DDTHH:mm" in `timeZone`. */
  localStart: string;
  minutes: number;
  timeZone: string;
  sequence: number;
  cancelled: boolean;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string; rsvp: boolean }[];
  /** A series: its rule ("FREQ=MONTHLY;BYDAY=2TU") and its last local start, if it ends. */
  rrule?: string | null;
  lastLocalStart?: string | null;
  /** Local starts of cancelled occurrences (EXDATE). */
  exdates?: string[];
  /** An occurrence of a series that was moved or cancelled: the local start the rule gave it. */
  recurrenceId?: string | null;
}

export type ItipMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

/** RFC 5545 TEXT: backslash, semicolon and comma escaped; never a line break (it could start a new property). */
const text = (s: string) => oneLine(s).replace(/[\\;,]/g, (c) => `\\${c}`);
/** A parameter value (CN): quoted, with no quote inside. */
const param = (s: string) => `"${oneLine(s).replace(/"/g, "'")}"`;
const localStamp = (local: string) => `${local.replace(/[-:]/g, '')}00`;
const utcStamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** Lines of at most 75 octets, continued with a space (RFC 5545 3.1), never splitting a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The local end: the start instant plus its length, read on the zone's wall clock. */
const localEnd = (local: string, tz: string, minutes: number) =>
  new Date(wallAsUtc(Date.parse(zonedToUtc(local, tz)) + minutes * 60_000, tz)).toISOString().slice(0, 16);

function eventLines(e: SessionIcsEvent, now: Date): string[] {
  const tz = `TZID=${e.timeZone}`;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;${tz}:${localStamp(e.localStart)}`,
    `DTEND;${tz}:${localStamp(localEnd(e.localStart, e.timeZone, e.minutes))}`,
  ];
  if (e.recurrenceId) lines.push(`RECURRENCE-ID;${tz}:${localStamp(e.recurrenceId)}`);
  if (e.rrule) {
    const until = e.lastLocalStart
      ? `;UNTIL=${utcStamp(new Date(zonedToUtc(e.lastLocalStart, e.timeZone)))}`
      : '';
    lines.push(`RRULE:${e.rrule}${until}`);
    for (const ex of e.exdates ?? []) lines.push(`EXDATE;${tz}:${localStamp(ex)}`);
  }
  lines.push(
    `SUMMARY:${text(e.summary)}`,
    `DESCRIPTION:${text(e.description)}`,
    ...(e.url ? [`URL;VALUE=URI:${oneLine(e.url)}`] : []),
    `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    `ORGANIZER;CN=${param(e.organizer.name)}:mailto:${oneLine(e.organizer.email)}`,
    ...e.attendees.map(
      (a) =>
        `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${a.rsvp ? 'NEEDS-ACTION' : 'ACCEPTED'};RSVP=${a.rsvp ? 'TRUE' : 'FALSE'};CN=${param(a.name)}:mailto:${oneLine(a.email)}`,
    ),
  );
  if (!e.cancelled)
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${text(e.summary)}`,
      'TRIGGER:-PT15M',
      'END:VALARM',
    );
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR: one VTIMEZONE per zone used, then the events. */
export function renderSessionIcs(input: {
  method: ItipMethod;
  events: SessionIcsEvent[];
  now: Date;
  name?: string;
}): string {
  const { method, events, now } = input;
  const zones = new Map<string, number>();
  for (const e of events) {
    const year = Number((e.recurrenceId ?? e.localStart).slice(0, 4));
    zones.set(e.timeZone, Math.min(zones.get(e.timeZone) ?? year, year));
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wheelhouse//Coaching cadence//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...(input.name ? [`X-WR-CALNAME:${text(input.name)}`] : []),
    ...[...zones].flatMap(([tz, year]) => vtimezone(tz, year).split('\r\n')),
    ...events.flatMap((e) => eventLines(e, now)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
