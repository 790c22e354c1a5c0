import type { AreaSpread, Figure, InsightMetric } from '../../../../../common/insights';

/** What the page calls each monthly count. */
export const metricNames: Record<InsightMetric, string> = {
  activePairs: 'Active pairs',
  sessionsHeld: 'Coaching sessions held',
  plansRefreshedOnTime: 'Plans refreshed on time',
  roundsCompleted: 'Rounds completed',
  nudgesSent: 'Nudges sent',
};

export const FEWER_THAN_5 = 'fewer than 5';

/** A figure in words: its number, or "fewer than 5" (the API sends no number for those). */
export const figureText = (f: Figure) => (f.kind === 'count' ? String(f.value) : FEWER_THAN_5);

export const spreadText = (s: AreaSpread) =>
  s.kind === 'spread' ? `${s.lower} – ${s.median} – ${s.upper}` : FEWER_THAN_5;

/** "2026-06" → "June 2026" (long), "Jun 2026" (medium) or "J" (initial), in UTC like the server's months. */
export function monthName(month: string, style: 'long' | 'medium' | 'initial' = 'long') {
  const date = new Date(`${month}-01T00:00:00Z`);
  const name = date.toLocaleDateString('en-GB', {
    month: style === 'long' ? 'long' : 'short',
    ...(style === 'initial' ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
  return style === 'initial' ? name.slice(0, 1) : name;
}
