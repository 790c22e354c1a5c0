import { describe, expect, it } from 'vitest';
import type { History } from '../../../../../common/wheel-rounds';
import { joinPages } from './history-pages';

const page = (ids: string[], areas: string[], cursor: string | null, earlier: number): History => ({
  scale: { min: 1, max: 10 },
  rounds: ids.map((id) => ({ id, title: id, createdAt: id, revealedAt: id })),
  selfChecks: [],
  areas: areas.map((key) => ({
    key,
    name: key.toUpperCase(),
    points: ids.map((id) => ({ roundId: id, self: 5, coach: 6, peers: null })),
    selfCheckPoints: [],
  })),
  earlier,
  earlierCursor: cursor,
});

describe('joinPages', () => {
  it('puts the earlier page first and keeps its cursor for the next "Show earlier"', () => {
    const joined = joinPages(page(['a', 'b'], ['team'], 'a', 3), page(['c'], ['team'], 'c', 5));
    expect(joined.rounds.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(joined.areas[0]!.points.map((p) => p.roundId)).toEqual(['a', 'b', 'c']);
    expect(joined).toMatchObject({ earlier: 3, earlierCursor: 'a' });
  });

  it('gives an area only one page has empty points on the other, so columns stay aligned', () => {
    const joined = joinPages(page(['a'], ['old'], null, 0), page(['b'], ['team'], 'b', 1));
    expect(joined.areas.map((a) => a.key)).toEqual(['team', 'old']);
    expect(joined.areas[0]!.points.map((p) => p.self)).toEqual([null, 5]);
    expect(joined.areas[1]!.points.map((p) => p.self)).toEqual([5, null]);
  });
});
