import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import {
  cachedWheel,
  ENTRY_LIMIT,
  forgetPerson,
  viewerKey,
  wheelCacheStats,
  type WheelState,
} from './wheel-cache.js';

const coach: Viewer = {
  actorId: 'c1',
  pmId: 'p1',
  side: 'coach',
  coachSince: '2026-01-01T00:00:00.000Z',
  historyShared: [],
};
const state = (label: string): WheelState => ({
  history: { scale: null, rounds: [], selfChecks: [], areas: [], earlier: 0, earlierCursor: null },
  order: [{ kind: 'round', index: 0, id: label }],
  dips: [],
  comparisons: new Map(),
});

describe('the wheel cache key', () => {
  it('differs whenever anything visibility depends on differs', () => {
    const variants: Viewer[] = [
      { ...coach, pmId: 'p2' },
      { ...coach, actorId: 'c2' },
      { ...coach, side: 'pm' },
      { ...coach, coachSince: '2026-02-01T00:00:00.000Z' },
      { ...coach, historyShared: ['wheel'] },
      { ...coach, historyShared: ['sessions'] },
    ];
    const keys = new Set([coach, ...variants].map(viewerKey));
    expect(keys.size).toBe(variants.length + 1);
    // The order grants are listed in does not matter.
    expect(viewerKey({ ...coach, historyShared: ['wheel', 'sessions'] })).toBe(
      viewerKey({ ...coach, historyShared: ['sessions', 'wheel'] }),
    );
  });
});

describe('cachedWheel', () => {
  it('builds once per stamp, even for simultaneous reads, and again when the stamp changes', async () => {
    const db = {} as Db;
    let builds = 0;
    const build = async () => state(`build ${++builds}`);
    const [a, b] = await Promise.all([
      cachedWheel(db, coach, build, 's1'),
      cachedWheel(db, coach, build, 's1'),
    ]);
    expect(a).toBe(b);
    expect(builds).toBe(1);
    expect((await cachedWheel(db, coach, build, 's2')).order[0]!.id).toBe('build 2');
    // Another viewer of the same PM never reads that entry.
    expect((await cachedWheel(db, { ...coach, actorId: 'c2' }, build, 's2')).order[0]!.id).toBe('build 3');
  });

  it('keeps no failed build', async () => {
    const db = {} as Db;
    await expect(cachedWheel(db, coach, () => Promise.reject(new Error('db away')), 's1')).rejects.toThrow();
    expect((await cachedWheel(db, coach, async () => state('ok'), 's1')).order[0]!.id).toBe('ok');
  });

  it('forgets the least recently used entry past its size cap', async () => {
    const db = {} as Db;
    const first = { ...coach, pmId: 'first' };
    await cachedWheel(db, first, async () => state('first'), 's');
    for (let i = 0; i < ENTRY_LIMIT; i++) {
      if (i === ENTRY_LIMIT / 2) await cachedWheel(db, first, async () => state('rebuilt'), 's'); // a hit: now recent
      await cachedWheel(db, { ...coach, pmId: `pm ${i}` }, async () => state(`pm ${i}`), 's');
    }
    expect(wheelCacheStats(db).entries).toBe(ENTRY_LIMIT);
    expect((await cachedWheel(db, first, async () => state('rebuilt'), 's')).order[0]!.id).toBe('first');
    expect(
      (await cachedWheel(db, { ...coach, pmId: 'pm 0' }, async () => state('again'), 's')).order[0]!.id,
    ).toBe('again');
  });

  it('forgets everything about an erased person and everything they read, and nothing else', async () => {
    const db = {} as Db;
    const build = (label: string) => async () => state(label);
    await cachedWheel(db, coach, build('coach of p1'), 's');
    await cachedWheel(db, { ...coach, side: 'pm', actorId: 'p1' }, build('p1 herself'), 's');
    await cachedWheel(db, { ...coach, pmId: 'p2' }, build('coach of p2'), 's');
    await cachedWheel(db, { ...coach, pmId: 'p3', actorId: 'c9' }, build('another coach'), 's');
    forgetPerson(db, 'p1');
    expect(wheelCacheStats(db).entries).toBe(2);
    forgetPerson(db, 'c1');
    expect(wheelCacheStats(db).entries).toBe(1);
    expect(
      (await cachedWheel(db, { ...coach, pmId: 'p3', actorId: 'c9' }, build('new'), 's')).order[0]!.id,
    ).toBe('another coach');
  });
});
