import { wallAsUtc } from './zoned-time.js';

/**
 * A VTIMEZONE for an IANA zone, built from the runtime's own zone data (Intl), so an invitation
 * with DTSTART;TZID=… carries its definition as RFC 5545 requires. The rules are the year
 * before `fromYear`'s transitions written as yearly RRULEs ("last Sunday of March"); when a rule
 * would not reproduce the next years' real transitions, those are listed one by one (RDATE).
 */

const HOUR = 3_600_000;
const offsetMs = (ms: number, tz: string) => wallAsUtc(ms, tz) - ms;

/** Each instant in the year where the zone's offset changes, with the offsets either side. */
function transitions(year: number, tz: string) {
  const found: { at: number; from: number; to: number }[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += 6 * HOUR) {
    const from = offsetMs(t, tz);
    const to = offsetMs(t + 6 * HOUR, tz);
    if (from === to) continue;
    let lo = t;
    let hi = t + 6 * HOUR;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMs(mid, tz) === from) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from, to });
  }
  return found;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const offsetText = (ms: number) => {
  const m = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(m / 60))}${pad(m % 60)}`;
};
/** The wall-clock time just before the change (in the old offset), as DATE-TIME text. */
const localText = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
};
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function yearlyRule(localMs: number) {
  const d = new Date(localMs);
  const day = d.getUTCDate();
  const inMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const nth = day + 7 > inMonth ? -1 : Math.ceil(day / 7);
  return { month: d.getUTCMonth(), weekday: d.getUTCDay(), nth, hh: d.getUTCHours(), mm: d.getUTCMinutes() };
}
const sameRule = (a: ReturnType<typeof yearlyRule>, b: ReturnType<typeof yearlyRule>) =>
  a.month === b.month && a.weekday === b.weekday && a.nth === b.nth && a.hh === b.hh && a.mm === b.mm;

export function vtimezone(tz: string, fromYear: number): string {
  const base = transitions(fromYear - 1, tz);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  if (base.length === 0) {
    const off = offsetText(offsetMs(Date.UTC(fromYear, 0, 1), tz));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${off}`, `TZOFFSETTO:${off}`);
    lines.push('END:STANDARD', 'END:VTIMEZONE');
    return lines.join('\r\n');
  }
  const later = [0, 1, 2, 3, 4].map((i) => transitions(fromYear + i, tz));
  for (const [i, t] of base.entries()) {
    const kind = t.to > t.from ? 'DAYLIGHT' : 'STANDARD';
    const rule = yearlyRule(t.at + t.from);
    const repeats = later.every(
      (y) => y[i] && y[i].from === t.from && sameRule(yearlyRule(y[i].at + t.from), rule),
    );
    lines.push(`BEGIN:${kind}`, `DTSTART:${localText(t.at + t.from)}`);
    if (repeats)
      lines.push(`RRULE:FREQ=YEARLY;BYMONTH=${rule.month + 1};BYDAY=${rule.nth}${DAYS[rule.weekday]}`);
    else
      for (const y of later)
        if (y[i] && y[i].from === t.from) lines.push(`RDATE:${localText(y[i].at + t.from)}`);
    lines.push(`TZOFFSETFROM:${offsetText(t.from)}`, `TZOFFSETTO:${offsetText(t.to)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
