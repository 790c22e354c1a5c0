import { describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

describe('theme ideas from the wheel', () => {
  it('before any round: no ideas, but the framework’s areas and traits with example actions', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const ideas = (await pm.client.get(`/api/pms/${pm.id}/plan/ideas`)).body;
    expect(ideas.round).toBeNull();
    expect(ideas.themeIdeas).toEqual([]);
    expect(ideas.framework.areas.map((a: { key: string }) => a.key)).toContain('listen-and-learn');
    expect(ideas.framework.traits.map((t: { key: string }) => t.key)).toContain('empathy');
    const planning = ideas.exampleActions.find((s: { key: string }) => s.key === 'planning');
    expect(planning.actions.some((a: { text: string }) => a.text.includes('Escaping the Build Trap'))).toBe(
      true,
    );
    expect(ideas.exampleActions.find((s: { key: string }) => s.key === 'empathy').kind).toBe('trait');
  });

  it('after rounds: the dip first, then the biggest gap, then the lowest areas', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    for (let i = 0; i < 3; i++) await buildRound(pm, coach, { self: { team: 8 }, coach: 7 });
    await buildRound(pm, coach, {
      self: { team: 4, planning: 9, agile: 5 },
      coach: { team: 5, planning: 4, agile: 5 },
    });
    const ideas = (await coach.client.get(`/api/pms/${pm.id}/plan/ideas`)).body;
    expect(ideas.round).not.toBeNull();
    const [first, second] = ideas.themeIdeas;
    expect(first).toMatchObject({ areaKey: 'team', reasons: ['dip', 'low'], self: 4, coach: 5 });
    expect(first.why).toMatch(/fell to 4 from a recent level of 8/);
    expect(first.exampleActions.length).toBeGreaterThanOrEqual(4);
    expect(second).toMatchObject({ areaKey: 'planning', reasons: ['gap'] });
    expect(second.why).toContain(
      'Self 9, coach 4 on Planning: the self-assessment is higher than the coach’s',
    );
    expect(ideas.themeIdeas.length).toBeLessThanOrEqual(5);
  });
});
