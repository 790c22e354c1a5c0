import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaOwnership, prepareAgenda, type AgendaContext } from './agenda.js';
import { colourHistory, monthsBetween } from './colour-history.js';

const base: AgendaContext = {
  kind: 'monthly',
  checkIns: [],
  pulses: [],
  since: '2026-03-01T10:00:00.000Z',
  day: '2026-04-02',
  themes: [
    { id: 't1', title: 'Talk to users' },
    { id: 't2', title: 'Stakeholders' },
  ],
  actions: [],
  dips: [],
  gaps: [],
  suggestions: [],
  lastNextSteps: [],
  questions: [],
};
const action = (over: Partial<AgendaContext['actions'][number]>) => ({
  id: 'a',
  text: 'Run interviews',
  themeTitle: 'Talk to users',
  dueOn: null,
  status: 'not_started' as const,
  doneAt: null,
  evidence: '',
  ...over,
});

describe('prepared agenda', () => {
  it('holds every theme to colour, and at most three questions', () => {
    const items = prepareAgenda({
      ...base,
      questions: [1, 2, 3, 4].map((n) => ({ id: `q${n}`, text: `Question ${n}?`, why: 'why' })),
    });
    expect(items.filter((i) => i.kind === 'theme').map((i) => i.text)).toEqual([
      'Colour “Talk to users”',
      'Colour “Stakeholders”',
    ]);
    expect(items.filter((i) => i.kind === 'question')).toHaveLength(3);
  });

  it('gives a weekly check-in the lighter agenda: feelings, pulses, actions due this week, one question', () => {
    const items = prepareAgenda({
      ...base,
      kind: 'weekly',
      checkIns: [
        { id: 'c1', feelings: 'Tired, Stressed', about: 'In general', why: 'Two launches', at: 'x' },
      ],
      pulses: [{ id: 'p1', name: 'Agile', score: 4 }],
      actions: [
        action({ id: 'soon', text: 'Soon', dueOn: '2026-04-08' }),
        action({ id: 'later', text: 'Later', dueOn: '2026-04-09' }),
      ],
      gaps: [{ areaName: 'Team', roundTitle: 'Q1', self: 8, coach: 5, higher: 'self' }],
      questions: [1, 2, 3].map((n) => ({ id: `q${n}`, text: `Question ${n}?`, why: 'why' })),
    });
    expect(items.map((i) => [i.kind, i.text])).toEqual([
      ['check-in', 'Felt Tired, Stressed'],
      ['pulse', 'Pulse on Agile: 4'],
      ['action-due', 'Due this week: Soon'],
      ['question', 'Question 1?'],
    ]);
    expect(items[0]!.detail).toBe('In general: “Two launches”');
  });

  it('lists open actions due by the day, and actions done since the last session with their evidence', () => {
    const items = prepareAgenda({
      ...base,
      actions: [
        action({ id: 'over', text: 'Overdue one', dueOn: '2026-03-20' }),
        action({ id: 'due', text: 'Due today', dueOn: '2026-04-02', status: 'in_progress' }),
        action({ id: 'later', text: 'Later', dueOn: '2026-04-03' }),
        action({ id: 'dropped', text: 'Dropped', dueOn: '2026-03-01', status: 'dropped' }),
        action({
          id: 'new',
          text: 'Done lately',
          status: 'done',
          doneAt: '2026-03-10T00:00:00Z',
          evidence: 'Notes',
        }),
        action({ id: 'old', text: 'Done before', status: 'done', doneAt: '2026-02-10T00:00:00Z' }),
      ],
    });
    expect(items.filter((i) => i.kind === 'action-due').map((i) => i.text)).toEqual([
      'Overdue: Overdue one',
      'Due: Due today',
    ]);
    const done = items.filter((i) => i.kind === 'action-done');
    expect(done.map((i) => [i.text, i.detail])).toEqual([['Done: Done lately', 'Evidence: Notes']]);
  });

  it('keeps only dips revealed after the last held session (all of them before the first)', () => {
    const dip = (revealedAt: string) => ({
      areaName: 'Team',
      roundTitle: 'Q1',
      revealedAt,
      drop: 2.5,
      note: 'tired',
    });
    const context = { ...base, dips: [dip('2026-02-01T00:00:00Z'), dip('2026-03-05T00:00:00Z')] };
    expect(prepareAgenda(context).filter((i) => i.kind === 'dip')).toHaveLength(1);
    expect(prepareAgenda({ ...context, since: null }).filter((i) => i.kind === 'dip')).toHaveLength(2);
  });
});

describe('agenda ownership', () => {
  it('is "many from the coach" exactly when the coach added more than half of the items people added', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('pm' as const, 'coach' as const, null)), (sides) => {
        const o = agendaOwnership(sides);
        const people = sides.filter((s) => s !== null).length;
        const coach = sides.filter((s) => s === 'coach').length;
        expect(o.byPeople).toBe(people);
        expect(o.manyFromCoach).toBe(coach > people / 2);
      }),
    );
    expect(agendaOwnership(['pm', 'coach']).manyFromCoach).toBe(false);
    expect(agendaOwnership(['coach', null, null]).manyFromCoach).toBe(true);
  });
});

describe('colour history', () => {
  it('lays months out without gaps, latest colour of a month wins, current themes first', () => {
    const history = colourHistory(
      [
        { lineageId: 'L1', title: 'Users', colour: 'red', why: 'slow', localStart: '2025-11-03T10:00' },
        { lineageId: 'L1', title: 'Users', colour: 'amber', why: 'better', localStart: '2026-01-05T10:00' },
        { lineageId: 'L1', title: 'Users', colour: 'green', why: 'good', localStart: '2026-01-20T10:00' },
        {
          lineageId: 'OLD',
          title: 'Removed theme',
          colour: 'amber',
          why: '',
          localStart: '2025-12-01T10:00',
        },
      ],
      [
        { lineageId: 'L1', title: 'Talk to users' },
        { lineageId: 'L2', title: 'New theme' },
      ],
    );
    expect(history.months).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(history.themes.map((t) => [t.title, t.current])).toEqual([
      ['Talk to users', true],
      ['New theme', true],
      ['Removed theme', false],
    ]);
    expect(history.themes[0]!.cells.map((c) => c.colour)).toEqual(['red', null, 'green']);
    expect(colourHistory([], []).months).toEqual([]);
  });

  it('counts months across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(40),
        (y, m, n) => {
          const first = `${y}-${String(m).padStart(2, '0')}`;
          const lastIndex = y * 12 + (m - 1) + n;
          const last = `${Math.floor(lastIndex / 12)}-${String((lastIndex % 12) + 1).padStart(2, '0')}`;
          expect(monthsBetween(first, last)).toHaveLength(n + 1);
        },
      ),
    );
  });
});
