import { ENTRY_CHUNK_BUDGET } from './entry-budget.js';

/**
 * Issue 13's targets, in one place, and the words the bench prints for each: met, or missed by
 * how much (in the figure's unit and as a share of the target).
 */
export interface Target {
  name: string;
  unit: string;
  /** 'at-least': the figure must reach the limit; 'below'/'at-most': stay under it. */
  kind: 'at-least' | 'below' | 'at-most';
  limit: number;
  digits: number;
}

export const targets = {
  throughput: { name: 'req/s vs baseline', unit: '%', kind: 'at-least', limit: 35, digits: 0 },
  steadyP99: { name: 'p99 at 200 req/s', unit: 'ms', kind: 'below', limit: 25, digits: 0 },
  exportFirstByte: {
    name: 'export first byte p99 at 50 connections',
    unit: 'ms',
    kind: 'at-most',
    limit: 1000,
    digits: 0,
  },
  growth: { name: 'organisation vs demo', unit: '×', kind: 'at-most', limit: 1.5, digits: 2 },
  firstPageJs: { name: 'first page JS on the wire', unit: 'B', kind: 'at-most', limit: 90_000, digits: 0 },
  start: { name: 'start to first answer', unit: 'ms', kind: 'below', limit: 1000, digits: 0 },
  idleMemory: { name: 'idle memory (RSS)', unit: 'MB', kind: 'below', limit: 100, digits: 1 },
  lighthousePerformance: {
    name: 'Lighthouse performance',
    unit: '',
    kind: 'at-least',
    limit: 0.95,
    digits: 2,
  },
  // Lighthouse's own "good" bands for a phone (web.dev Core Web Vitals and its TBT band).
  lighthouseFcp: { name: 'first contentful paint', unit: 'ms', kind: 'at-most', limit: 1800, digits: 0 },
  lighthouseLcp: { name: 'largest contentful paint', unit: 'ms', kind: 'at-most', limit: 2500, digits: 0 },
  lighthouseTbt: { name: 'total blocking time', unit: 'ms', kind: 'at-most', limit: 200, digits: 0 },
  lighthouseCls: { name: 'cumulative layout shift', unit: '', kind: 'at-most', limit: 0.1, digits: 3 },
  /** The built entry chunk (issue 22): the budget the entry-chunk test holds, with its headroom. */
  entryChunk: {
    name: 'entry chunk as built',
    unit: 'B',
    kind: 'at-most',
    limit: ENTRY_CHUNK_BUDGET,
    digits: 0,
  },
  lighthouseAccessibility: {
    name: 'Lighthouse accessibility',
    unit: '',
    kind: 'at-least',
    limit: 1,
    digits: 2,
  },
} satisfies Record<string, Target>;

const sign = { 'at-least': '≥', below: '<', 'at-most': '≤' };

/** Met or not, and a line such as "p99 at 200 req/s 31 ms, target < 25 ms: missed by 6 ms (+24%)". */
export function verdict(target: Target, value: number): { met: boolean; text: string } {
  const f = (n: number) =>
    `${n.toFixed(target.digits)}${target.unit === '×' || !target.unit ? '' : ' '}${target.unit}`;
  const head = `${target.name} ${Number.isFinite(value) ? f(value) : '—'}, target ${sign[target.kind]} ${f(target.limit)}`;
  if (!Number.isFinite(value)) return { met: false, text: `${head}: no figure (nothing answered)` };
  const met =
    target.kind === 'at-least'
      ? value >= target.limit
      : target.kind === 'below'
        ? value < target.limit
        : value <= target.limit;
  if (met) return { met, text: `${head}: met` };
  const by = Math.abs(value - target.limit);
  if (target.unit === '%') return { met, text: `${head}: missed by ${by.toFixed(0)} percentage points` };
  return {
    met,
    text: `${head}: missed by ${f(by)} (${((by / target.limit) * 100).toFixed(0)}% of the target)`,
  };
}

/** "met", or "MISSED" and the shortfall, for a table cell. */
export const cellFor = (target: Target, value: number) => {
  const v = verdict(target, value);
  if (v.met) return 'met';
  if (!Number.isFinite(value)) return 'MISSED (—)';
  const by = Math.abs(value - target.limit);
  return `MISSED by ${by.toFixed(target.digits)}${target.unit === '%' ? ' pt' : target.unit === '×' ? '×' : ` ${target.unit}`}`;
};
