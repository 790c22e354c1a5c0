import type { ColourHistory, Rag } from '../../../../common/coaching-sessions.js';

export interface ColourRow {
  lineageId: string;
  title: string;
  colour: Rag;
  why: string;
  /** The coaching session's local start (YYYY-MM-DDTHH:mm): its month is the cell. */
  localStart: string;
}

/** Every month from `first` to `last` (YYYY-MM), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * The PM's colour of every theme per month (the last one set in that month), themes × months.
 * Themes of the current plan come first in their order, with their current titles; themes
 * coloured earlier but since removed follow, under the title they had. `lastMonths` keeps only
 * the latest months (a home page shows a few).
 */
export function colourHistory(
  rows: readonly ColourRow[],
  currentThemes: readonly { lineageId: string; title: string }[],
  lastMonths?: number,
): ColourHistory {
  if (!rows.length) return { months: [], themes: [] };
  const sorted = [...rows].sort((a, b) => a.localStart.localeCompare(b.localStart));
  let months = monthsBetween(sorted[0]!.localStart.slice(0, 7), sorted.at(-1)!.localStart.slice(0, 7));
  if (lastMonths !== undefined) months = months.slice(-lastMonths);
  const cells = new Map<string, Map<string, { colour: Rag; why: string }>>();
  const titles = new Map<string, string>();
  for (const r of sorted) {
    const byMonth = cells.get(r.lineageId) ?? new Map();
    byMonth.set(r.localStart.slice(0, 7), { colour: r.colour, why: r.why });
    cells.set(r.lineageId, byMonth);
    titles.set(r.lineageId, r.title);
  }
  const current = new Set(currentThemes.map((t) => t.lineageId));
  const lineages = [
    ...currentThemes.map((t) => ({ lineageId: t.lineageId, title: t.title, current: true })),
    ...[...titles]
      .filter(([id]) => !current.has(id))
      .map(([lineageId, title]) => ({ lineageId, title, current: false })),
  ];
  return {
    months,
    themes: lineages
      .map((t) => ({
        ...t,
        cells: months.map((month) => {
          const cell = cells.get(t.lineageId)?.get(month);
          return { month, colour: cell?.colour ?? null, why: cell?.why ?? null };
        }),
      }))
      .filter((t) => t.current || t.cells.some((c) => c.colour !== null)),
  };
}
