import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../../common/plans.js';
import { planFileName, renderPlanMarkdown } from './plan-markdown.js';

const pm = { origin: 'pm' as const, suggestedBy: null, adoptedAt: null, suggestionId: null };
const coach = {
  origin: 'coach' as const,
  suggestedBy: { id: 'c', name: 'Cora Coach', email: 'c@x' },
  adoptedAt: '2025-03-02T00:00:00Z',
  suggestionId: 's',
};

const plan = {
  version: 2,
  isCurrent: true,
  headline: 'Lead discovery\non my own',
  focus: 'Stakeholders first',
  periodStart: '2025-03-01',
  periodEnd: '2025-09-01',
  startedAt: '2025-03-01T09:00:00Z',
  replacedAt: null,
  ownership: { total: 4, byPm: 3, fromCoach: 1, coachShare: 0.25, manyFromCoach: false },
  themes: [
    {
      id: 't',
      lineageId: 't',
      title: 'Talk to users',
      why: 'I build on guesses.',
      areas: [{ key: 'u', name: 'Understand the problem' }],
      traits: [{ key: 'c', name: 'Curiosity' }],
      attribution: pm,
      actions: [
        {
          id: 'a1',
          lineageId: 'a1',
          themeId: 't',
          text: 'Lead three interviews solo',
          dueOn: '2025-04-01',
          status: 'done',
          evidence: 'Ran them on 12 March',
          doneAt: null,
          attribution: pm,
        },
        {
          id: 'a2',
          lineageId: 'a2',
          themeId: 't',
          text: 'Read “Continuous Discovery Habits”',
          dueOn: null,
          status: 'not_started',
          evidence: '',
          doneAt: null,
          attribution: coach,
        },
      ],
    },
    {
      id: 't2',
      lineageId: 't2',
      title: 'Say no kindly',
      why: '',
      areas: [],
      traits: [],
      attribution: coach,
      actions: [],
    },
  ],
} as unknown as Plan;

describe('the plan as Markdown', () => {
  it('renders headline, period, themes with why and what they serve, actions with status, due date, evidence and credit', () => {
    const md = renderPlanMarkdown(plan, 'Pat PM');
    expect(md).toContain('# Lead discovery on my own\n');
    expect(md).toContain('Development plan of Pat PM — version 2');
    expect(md).toContain('- Period: 2025-03-01 to 2025-09-01');
    expect(md).toContain('**Focus:** Stakeholders first');
    expect(md).toContain('## 1. Talk to users');
    expect(md).toContain('**Why it matters:** I build on guesses.');
    expect(md).toContain('**Serves:** Understand the problem, Curiosity');
    expect(md).toContain(
      '- [x] Lead three interviews solo — due 2025-04-01 (done)\n  - Evidence: Ran them on 12 March',
    );
    expect(md).toContain(
      '- [ ] Read “Continuous Discovery Habits” (not started) _(suggested by Cora Coach, adopted)_',
    );
    expect(md).toContain('## 2. Say no kindly\n\n_(suggested by Cora Coach, adopted)_\n\n_No actions yet._');
  });

  it('names the file after the PM and the version', () => {
    expect(planFileName('Pat Müller-PM', 3)).toBe('plan-pat-mu-ller-pm-v3.md');
    expect(planFileName('渡辺', 1)).toBe('plan-pm-v1.md');
  });
});
