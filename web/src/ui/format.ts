const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "12 Mar 2026" in the reader's locale. */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** "12 Mar 2026, 14:05" in the reader's locale. */
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

/** "14:05" (or "2:05 PM") in the reader's locale. */
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));

/** Whether a moment falls on the reader's today. */
export function isToday(iso: string, now = new Date()) {
  const d = new Date(iso);
  return (
    d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate()
  );
}

/** "in 6 days", "tomorrow", "in 3 hours": how far away a moment is. */
export function fromNow(iso: string, now = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  const hours = Math.round(ms / 3_600_000);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return relative.format(Math.round(ms / 86_400_000), 'day');
}

/** "Pat" from "Pat Park" (page text speaks of people by first name). */
export const firstName = (name: string) => name.split(' ')[0] || name;
