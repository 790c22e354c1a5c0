import type { CoachingSessionInfo, Rag } from '../../../../../common/coaching-sessions';

/** Each colour's word, letter and shape: the grid never relies on colour alone. */
export const ragWords: Record<Rag, { word: string; letter: string; shape: string }> = {
  red: { word: 'Red', letter: 'R', shape: '■' },
  amber: { word: 'Amber', letter: 'A', shape: '▲' },
  green: { word: 'Green', letter: 'G', shape: '●' },
};

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "Mar 2026" for "2026-03". */
export const monthName = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

const whenFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
/** The local date and time as the pair scheduled it, with its zone ("3 Dec 2026, 14:30 (Europe/Berlin)"). */
export const whenOf = (s: Pick<CoachingSessionInfo, 'localStart' | 'timeZone'>) =>
  `${whenFormat.format(new Date(`${s.localStart}:00Z`))} (${s.timeZone.replace(/_/g, ' ')})`;

export const kindWords = { monthly: 'Monthly coaching session', weekly: 'Weekly check-in' } as const;
export const statusWords = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  held: 'Held',
  cancelled: 'Cancelled',
} as const;
