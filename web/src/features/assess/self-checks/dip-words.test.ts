import { describe, expect, it } from 'vitest';
import { dipLine, statementLabel } from './dip-words';

describe('dip words', () => {
  it('names a statement by its short core', () => {
    expect(
      statementLabel('Is good at keeping stakeholders informed, including bad news, before they ask.'),
    ).toBe('Keeping stakeholders informed');
    expect(statementLabel('Is good at asking for feedback and acting on it.')).toBe(
      'Asking for feedback and acting on it',
    );
  });

  it('says the score and the level it fell from, areas with one decimal', () => {
    const base = { statementText: null, areaName: 'Team', score: 6.8, recentLevel: 8 };
    expect(dipLine(base as never)).toBe('Team: 6.8, down from 8');
    expect(
      dipLine({
        ...base,
        statementText: 'Is good at keeping stakeholders informed, including bad news.',
        score: 2,
      } as never),
    ).toBe('Keeping stakeholders informed: 2, down from 8');
  });
});
