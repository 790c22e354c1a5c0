import { describe, expect, test } from 'vitest';
import { gapSentence } from './perspective';

const gap = {
  areaKey: 'planning',
  areaName: 'Planning',
  self: 8.3,
  coach: 6,
  difference: 2.3,
  higher: 'self' as const,
};

describe('gapSentence', () => {
  test('speaks to the PM and to the coach, saying which side rates higher', () => {
    expect(gapSentence(gap, { viewerIsPm: true, viewerIsCoach: false, pm: 'Pat', coach: 'Cora' })).toBe(
      'You rate yourself 2.3 higher than Cora on Planning',
    );
    expect(
      gapSentence(
        { ...gap, difference: -1.25, higher: 'coach' },
        { viewerIsPm: false, viewerIsCoach: true, pm: 'Pat', coach: 'Cora' },
      ),
    ).toBe('Pat rates themselves 1.3 lower than you on Planning');
    expect(
      gapSentence(
        { ...gap, difference: 0, higher: 'same' },
        { viewerIsPm: true, viewerIsCoach: false, pm: 'Pat', coach: 'Cora' },
      ),
    ).toBe('You and Cora agree on Planning');
  });
});
