import type { AccessLogEntry } from '../../../../../common/schemas';
import { describeActor } from './describe';

/** What an action was about, as one thing a PM recognises ("your plan"), from the action's prefix. */
const things: Record<string, string> = {
  overview: 'your overview',
  summary: 'your home summary',
  round: 'your wheel',
  assessment: 'your wheel',
  comparison: 'your wheel',
  history: 'your wheel',
  dips: 'your wheel',
  'round-traits': 'your wheel',
  wheel: 'your wheel',
  peers: 'your peer reviews',
  vision: 'your shared vision',
  plan: 'your plan',
  'plan-comment': 'your plan',
  'plan-suggestion': 'your plan',
  'plan-version': 'your plan',
  'check-in': 'your check-ins',
  pulse: 'your check-ins',
  timeline: 'your timeline',
  questions: 'your coaching questions',
  'coaching-session': 'your coaching sessions',
  'coaching-session-private-note': 'your coaching sessions',
  'history-grants': 'your earlier history',
  'self-check': 'your self-checks',
  reflection: 'your reflections',
  nudge: 'your nudges',
  'nudge-ideas': 'your nudges',
  'access-log': 'this log',
  everything: 'everything',
};

const opening = new Set(['read', 'list', 'suggest']);

/** The thing an entry is about (unknown actions: their resource, as the server named it). */
export function thingOf(entry: Pick<AccessLogEntry, 'action' | 'resource'>): string {
  const [prefix = ''] = entry.action.split(':');
  return things[prefix] ?? `your ${entry.resource}`;
}

/** Opened, changed or downloaded. */
function verbOf(action: string): 'opened' | 'changed' | 'downloaded' {
  const verb = action.split(':')[1] ?? '';
  if (verb === 'export') return 'downloaded';
  return opening.has(verb) ? 'opened' : 'changed';
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** The reader's calendar day of a moment: the key of a group. */
const dayKey = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'short' });

export interface LogGroup {
  key: string;
  /** "Tuesday 3 Dec: Hana Lead opened your plan 3 times, your wheel once" */
  summary: string;
  entries: AccessLogEntry[];
}

/**
 * One line per day and person, newest first: what they opened, changed or downloaded, each thing
 * with how often (repeats the server collapsed count in full). The entries stay with their group.
 */
export function groupLog(entries: AccessLogEntry[], meId: string): LogGroup[] {
  const groups = new Map<string, { day: string; who: string; entries: AccessLogEntry[] }>();
  for (const entry of entries) {
    const who = describeActor(entry, meId);
    const key = `${dayKey(entry.at)}|${entry.actor?.id ?? 'deleted'}`;
    const group = groups.get(key) ?? { day: dayFormat.format(new Date(entry.at)), who, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups].map(([key, { day, who, entries: list }]) => {
    const counts = new Map<string, Map<string, number>>();
    for (const e of [...list].reverse()) {
      const verb = verbOf(e.action);
      const byThing = counts.get(verb) ?? new Map<string, number>();
      byThing.set(thingOf(e), (byThing.get(thingOf(e)) ?? 0) + e.count);
      counts.set(verb, byThing);
    }
    const parts = [...counts].map(
      ([verb, byThing]) => `${verb} ${[...byThing].map(([thing, n]) => `${thing} ${times(n)}`).join(', ')}`,
    );
    return { key, summary: `${day}: ${who} ${parts.join('; ')}`, entries: list };
  });
}

/** The people and the things in a log, for the filters. */
export function filterChoices(entries: AccessLogEntry[], meId: string) {
  const people = new Map<string, string>();
  for (const e of entries) people.set(e.actor?.id ?? 'deleted', describeActor(e, meId));
  return { people: [...people], things: [...new Set(entries.map(thingOf))].sort() };
}
