import type { AgendaItemKind, AgendaOwnership } from '../../../../common/coaching-sessions.js';

/** One item the agenda prepares from the PM's context. */
export interface PreparedItem {
  kind: AgendaItemKind;
  text: string;
  detail: string | null;
  refId: string | null;
}

export interface AgendaContext {
  /** A monthly session takes the full agenda; a weekly check-in the lighter one. */
  kind: 'monthly' | 'weekly';
  /** The last held coaching session's end (ISO), or null before the first. */
  since: string | null;
  /** The coaching session's local day (YYYY-MM-DD): actions due by then are due. */
  day: string;
  themes: { id: string; title: string }[];
  actions: {
    id: string;
    text: string;
    themeTitle: string;
    dueOn: string | null;
    status: 'not_started' | 'in_progress' | 'done' | 'dropped';
    doneAt: string | null;
    evidence: string;
  }[];
  dips: { areaName: string; roundTitle: string; revealedAt: string; drop: number; note: string | null }[];
  gaps: {
    areaName: string;
    roundTitle: string;
    self: number;
    coach: number;
    higher: 'self' | 'coach' | 'same';
  }[];
  suggestions: { id: string; text: string }[];
  lastNextSteps: { id: string; text: string; themeTitle: string }[];
  questions: { id: string; text: string; why: string }[];
  /** The PM's check-ins since last time that both may see, feelings already in words. */
  checkIns: { id: string; feelings: string; about: string; why: string; at: string }[];
  /** The PM's pulses since last time. */
  pulses: { id: string; name: string; score: number }[];
}

/** Questions a monthly session suggests, and a weekly check-in. */
export const QUESTIONS = { monthly: 3, weekly: 1 } as const;

/** Days ahead of the check-in's day that count as "due this week". */
const WEEK_AHEAD = 6;

const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const after = (iso: string | null, since: string | null) => iso !== null && (since === null || iso > since);
const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * The agenda prepared from the PM's context, in the order a conversation takes it: what was
 * agreed last time, what moved, what slipped, what the wheel shows, open suggestions, then every
 * theme to colour, then two or three questions.
 */
export function prepareAgenda(c: AgendaContext): PreparedItem[] {
  return c.kind === 'weekly' ? prepareCheckIn(c) : prepareMonthly(c);
}

/**
 * The weekly check-in's lighter agenda: how the PM has been (their check-ins and pulses since
 * last time), the actions due this week, and one question. No colouring, gaps or suggestions:
 * those wait for the monthly session.
 */
function prepareCheckIn(c: AgendaContext): PreparedItem[] {
  const items: PreparedItem[] = [];
  for (const i of c.checkIns)
    items.push({
      kind: 'check-in',
      text: `Felt ${i.feelings}`,
      detail: i.why.trim() ? `${i.about}: “${i.why.trim()}”` : i.about,
      refId: i.id,
    });
  for (const p of c.pulses)
    items.push({ kind: 'pulse', text: `Pulse on ${p.name}: ${p.score}`, detail: null, refId: p.id });
  const weekEnd = plusDays(c.day, WEEK_AHEAD);
  for (const a of c.actions)
    if ((a.status === 'not_started' || a.status === 'in_progress') && a.dueOn !== null && a.dueOn <= weekEnd)
      items.push({
        kind: 'action-due',
        text: `${a.dueOn < c.day ? 'Overdue' : 'Due this week'}: ${a.text}`,
        detail: `${a.themeTitle} · due ${a.dueOn}`,
        refId: a.id,
      });
  for (const q of c.questions.slice(0, QUESTIONS.weekly))
    items.push({ kind: 'question', text: q.text, detail: q.why, refId: q.id });
  return items;
}

function prepareMonthly(c: AgendaContext): PreparedItem[] {
  const items: PreparedItem[] = [];
  for (const s of c.lastNextSteps)
    items.push({
      kind: 'next-step',
      text: `Last time’s next step: ${s.text}`,
      detail: s.themeTitle,
      refId: s.id,
    });
  for (const a of c.actions)
    if (a.status === 'done' && after(a.doneAt, c.since))
      items.push({
        kind: 'action-done',
        text: `Done: ${a.text}`,
        detail: a.evidence.trim()
          ? `Evidence: ${a.evidence.trim()}`
          : 'No evidence written yet: what shows it worked?',
        refId: a.id,
      });
  for (const a of c.actions)
    if ((a.status === 'not_started' || a.status === 'in_progress') && a.dueOn !== null && a.dueOn <= c.day)
      items.push({
        kind: 'action-due',
        text: `${a.dueOn < c.day ? 'Overdue' : 'Due'}: ${a.text}`,
        detail: `${a.themeTitle} · due ${a.dueOn}`,
        refId: a.id,
      });
  for (const d of c.dips)
    if (after(d.revealedAt, c.since))
      items.push({
        kind: 'dip',
        text: `Dip in ${d.areaName} (down ${fmt(d.drop)})`,
        detail: d.note ? `${d.roundTitle}: “${d.note}”` : d.roundTitle,
        refId: null,
      });
  for (const g of c.gaps)
    items.push({
      kind: 'gap',
      text: `Perception gap in ${g.areaName}: self ${fmt(g.self)}, coach ${fmt(g.coach)}`,
      detail: g.roundTitle,
      refId: null,
    });
  for (const s of c.suggestions)
    items.push({ kind: 'suggestion', text: `Open suggestion: ${s.text}`, detail: null, refId: s.id });
  for (const t of c.themes)
    items.push({ kind: 'theme', text: `Colour “${t.title}”`, detail: null, refId: t.id });
  for (const q of c.questions.slice(0, QUESTIONS.monthly))
    items.push({ kind: 'question', text: q.text, detail: q.why, refId: q.id });
  return items;
}

/**
 * Who added the agenda's items (prepared items do not count): "many from the coach" when the
 * coach added more than half of them, as with the plan (GitLab: the agenda is the report's).
 */
export function agendaOwnership(addedSides: readonly ('pm' | 'coach' | null)[]): AgendaOwnership {
  const people = addedSides.filter((s) => s !== null);
  const fromCoach = people.filter((s) => s === 'coach').length;
  return { byPeople: people.length, fromCoach, manyFromCoach: fromCoach * 2 > people.length };
}
