import { describe, expect, it } from 'vitest';
import { selectNudgeIdeas, type IdeaInputs } from './ideas.js';

// Thursday 26 November 2026 (ISO week 48: Monday 23 to Sunday 29).
const now = new Date('2026-11-26T09:00:00Z');
const base: IdeaInputs = {
  now,
  today: '2026-11-26',
  actions: [],
  themeColours: [],
  dips: [],
  nextSession: null,
  lastNudgeAt: '2026-11-20T09:00:00Z',
};
const kinds = (i: Partial<IdeaInputs>) => selectNudgeIdeas({ ...base, ...i }).map((x) => x.key);

describe('nudge ideas', () => {
  it('an open action due this week, soonest first; not done, dropped, undated or next week', () => {
    const ideas = selectNudgeIdeas({
      ...base,
      actions: [
        { lineageId: 'b', text: 'Ship the survey', dueOn: '2026-11-29', status: 'in_progress' },
        { lineageId: 'a', text: 'Book interviews', dueOn: '2026-11-24', status: 'not_started' },
        { lineageId: 'c', text: 'Done already', dueOn: '2026-11-27', status: 'done' },
        { lineageId: 'd', text: 'Dropped', dueOn: '2026-11-27', status: 'dropped' },
        { lineageId: 'e', text: 'Next week', dueOn: '2026-11-30', status: 'not_started' },
        { lineageId: 'f', text: 'Someday', dueOn: null, status: 'not_started' },
      ],
    });
    expect(ideas.map((i) => [i.key, i.why])).toEqual([
      ['action-due:a', 'Was due Tuesday'],
      ['action-due:b', 'Due Sunday'],
    ]);
    expect(ideas[1]).toMatchObject({
      about: { kind: 'action', lineageId: 'b' },
      aboutTitle: 'Ship the survey',
    });
    expect(ideas[1]!.text).toBe('How is “Ship the survey” going? It’s due Sunday. One small step today?');
  });

  it('themes last coloured amber or red, not green', () => {
    const ideas = selectNudgeIdeas({
      ...base,
      themeColours: [
        { lineageId: 't1', title: 'Talk to users', colour: 'amber' },
        { lineageId: 't2', title: 'Say no', colour: 'green' },
        { lineageId: 't3', title: 'Strategy', colour: 'red' },
      ],
    });
    expect(ideas.map((i) => [i.key, i.why, i.about])).toEqual([
      ['theme-colour:t1', 'Last coloured amber', { kind: 'theme', lineageId: 't1' }],
      ['theme-colour:t3', 'Last coloured red', { kind: 'theme', lineageId: 't3' }],
    ]);
  });

  it('a dip only while fresh (30 days)', () => {
    expect(kinds({ dips: [{ areaName: 'Strategy', revealedAt: '2026-11-01T09:00:00Z' }] })).toEqual([
      'dip:Strategy',
    ]);
    expect(kinds({ dips: [{ areaName: 'Strategy', revealedAt: '2026-10-20T09:00:00Z' }] })).toEqual([]);
    const twice = { areaName: 'Strategy', revealedAt: '2026-11-20T09:00:00Z' };
    expect(kinds({ dips: [twice, twice] })).toEqual(['dip:Strategy']);
  });

  it('a coaching session within the next week, not one past or further away', () => {
    const soon = selectNudgeIdeas({
      ...base,
      nextSession: { startsAt: '2026-12-01T13:30:00Z', localStart: '2026-12-01T14:30' },
    });
    expect(soon.map((i) => [i.key, i.why])).toEqual([['session-soon', 'Coaching session Tuesday']]);
    expect(
      kinds({ nextSession: { startsAt: '2026-12-04T13:30:00Z', localStart: '2026-12-04T14:30' } }),
    ).toEqual([]);
    expect(
      kinds({ nextSession: { startsAt: '2026-11-26T08:00:00Z', localStart: '2026-11-26T09:00' } }),
    ).toEqual([]);
  });

  it('"not nudged in two weeks" from 14 days on, and before any nudge', () => {
    expect(kinds({ lastNudgeAt: '2026-11-13T09:00:01Z' })).toEqual([]);
    expect(kinds({ lastNudgeAt: '2026-11-12T09:00:00Z' })).toEqual(['quiet']);
    expect(selectNudgeIdeas({ ...base, lastNudgeAt: null })[0]).toMatchObject({
      key: 'quiet',
      why: 'No nudge yet',
    });
  });
});
