import type { Rag } from '../../../../common/coaching-sessions.js';
import type { NudgeIdea } from '../../../../common/nudges.js';
import { addDays, mondayOf } from './periods.js';

/** Days without a nudge after which "not nudged in two weeks" is an idea. */
export const QUIET_DAYS = 14;
/** How long a dip stays a fresh reason to nudge. */
export const DIP_FRESH_DAYS = 30;
/** How far ahead a coaching session counts as coming up. */
export const SESSION_SOON_DAYS = 7;

const DAY_MS = 86_400_000;

/** What the ideas are drawn from, gathered for one PM and one coach (see nudge-ideas.ts). */
export interface IdeaInputs {
  now: Date;
  /** The PM's local day ("YYYY-MM-DD"). */
  today: string;
  /** The current plan's open actions. */
  actions: { lineageId: string; text: string; dueOn: string | null; status: string }[];
  /** The PM's latest colour per current theme. */
  themeColours: { lineageId: string; title: string; colour: Rag }[];
  /** Dips of the latest revealed round the coach may see. */
  dips: { areaName: string; revealedAt: string }[];
  /** The next scheduled coaching session of this coach with the PM (UTC start, local "YYYY-MM-DDTHH:mm"). */
  nextSession: { startsAt: string; localStart: string } | null;
  lastNudgeAt: string | null;
}

const weekday = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

const quote = (s: string) => `“${s.length > 80 ? `${s.slice(0, 79)}…` : s}”`;

/**
 * Nudge ideas for a coach, from the plan and what happened lately: actions due this week (the
 * PM's ISO week), themes the PM last coloured amber or red, a fresh dip, a coaching session in the
 * next week, and "not nudged in two weeks". Each comes with a prefilled text the coach edits.
 */
export function selectNudgeIdeas(i: IdeaInputs): NudgeIdea[] {
  const ideas: NudgeIdea[] = [];
  const monday = mondayOf(i.today);
  const sunday = addDays(monday, 6);
  const dueThisWeek = i.actions
    .filter((a) => a.dueOn !== null && a.dueOn >= monday && a.dueOn <= sunday)
    .filter((a) => a.status === 'not_started' || a.status === 'in_progress')
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!));
  for (const a of dueThisWeek)
    ideas.push({
      key: `action-due:${a.lineageId}`,
      kind: 'action-due',
      why: a.dueOn! < i.today ? `Was due ${weekday(a.dueOn!)}` : `Due ${weekday(a.dueOn!)}`,
      text: `How is ${quote(a.text)} going? It’s due ${weekday(a.dueOn!)}. One small step today?`,
      about: { kind: 'action', lineageId: a.lineageId },
      aboutTitle: a.text,
    });
  for (const t of i.themeColours.filter((c) => c.colour !== 'green'))
    ideas.push({
      key: `theme-colour:${t.lineageId}`,
      kind: 'theme-colour',
      why: `Last coloured ${t.colour}`,
      text: `You marked ${quote(t.title)} ${t.colour} last time. What’s one thing that would move it a step this week?`,
      about: { kind: 'theme', lineageId: t.lineageId },
      aboutTitle: t.title,
    });
  const freshDips = i.dips.filter(
    (d) => i.now.getTime() - Date.parse(d.revealedAt) <= DIP_FRESH_DAYS * DAY_MS,
  );
  for (const d of freshDips)
    ideas.push({
      key: `dip:${d.areaName}`,
      kind: 'dip',
      why: `A recent dip in ${d.areaName}`,
      text: `Your wheel showed a dip in ${d.areaName}. No pressure: want to start our next conversation there?`,
      about: { kind: 'free' },
      aboutTitle: null,
    });
  if (i.nextSession) {
    const ahead = Date.parse(i.nextSession.startsAt) - i.now.getTime();
    if (ahead > 0 && ahead <= SESSION_SOON_DAYS * DAY_MS)
      ideas.push({
        key: 'session-soon',
        kind: 'session-soon',
        why: `Coaching session ${weekday(i.nextSession.localStart.slice(0, 10))}`,
        text: `Looking forward to our session on ${weekday(i.nextSession.localStart.slice(0, 10))}. Anything you’d like to bring?`,
        about: { kind: 'free' },
        aboutTitle: null,
      });
  }
  if (i.lastNudgeAt === null || i.now.getTime() - Date.parse(i.lastNudgeAt) >= QUIET_DAYS * DAY_MS)
    ideas.push({
      key: 'quiet',
      kind: 'quiet',
      why: i.lastNudgeAt === null ? 'No nudge yet' : 'Not nudged in two weeks',
      text: 'Just thinking of you: how is this week going?',
      about: { kind: 'free' },
      aboutTitle: null,
    });
  // One idea per key (two dips of one area, say, make one idea).
  const seen = new Set<string>();
  return ideas.filter((idea) => !seen.has(idea.key) && seen.add(idea.key));
}
