/** Local date-times in an IANA time zone, converted with Intl only (no library). */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at the instant `ms`, read as if it were UTC. */
export function wallAsUtc(ms: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24,
    Number(parts.minute),
    Number(parts.second),
  );
}

/** The UTC instant (ISO) of a local "YYYY-MM-DDTHH:mm" in `timeZone`. A time skipped by a DST change moves forward. */
export function zonedToUtc(local: string, timeZone: string): string {
  const guess = Date.parse(`${local}:00Z`);
  const first = guess - (wallAsUtc(guess, timeZone) - guess);
  const second = guess - (wallAsUtc(first, timeZone) - first);
  return new Date(second).toISOString();
}

/** The local "YYYY-MM-DD" in `timeZone` at an instant. */
export function localDay(iso: string, timeZone: string): string {
  return new Date(wallAsUtc(Date.parse(iso), timeZone)).toISOString().slice(0, 10);
}
