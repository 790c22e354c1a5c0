import type { AgendaItemKind, AgendaOwnership } from '../../../../common/coaching-sessions.js';

/** One item the agenda prepares from the PM's context. */
export interface PreparedItem {
  kind: AgendaItemKind;
  text: string;
  detail: string | null;
  refId: string | null;
}

export interface AgendaContext {
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
}

const after = (iso: string | null, since: string | null) => iso !== null && (since === null || iso > since);
const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * The agenda prepared from the PM's context, in the order a conversation takes it: what was
 * agreed last time, what moved, what slipped, what the wheel shows, open suggestions, then every
 * theme to colour, then two or three questions.
 */
export function prepareAgenda(c: AgendaContext): PreparedItem[] {
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
  for (const q of c.questions.slice(0, 3))
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
