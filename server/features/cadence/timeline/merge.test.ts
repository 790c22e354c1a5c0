import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../common/timeline.js';
import { isOlder, mergePage, newestFirst, olderBound, parseCursor, type Cursor } from './merge.js';

const item = (kind: TimelineItem['kind'], id: string, at: string): TimelineItem => ({
  key: `${kind}:${id}`,
  kind,
  at,
  title: id,
  detail: null,
  link: null,
  private: false,
});

describe('merging timeline sources', () => {
  it('puts the newest first across sources, and the same moment in a fixed order', () => {
    const page = mergePage(
      [
        [
          item('check-in', 'b', '2026-03-03T00:00:00.000Z'),
          item('check-in', 'a', '2026-03-01T00:00:00.000Z'),
        ],
        [item('pulse', 'c', '2026-03-02T00:00:00.000Z'), item('pulse', 'd', '2026-03-03T00:00:00.000Z')],
        [],
      ],
      null,
    );
    expect(page.items.map((i) => i.key)).toEqual(['pulse:d', 'check-in:b', 'pulse:c', 'check-in:a']);
    expect(page.nextBefore).toBeNull();
  });

  // Sources as the real ones behave: each gives its newest `limit` after the cursor (SQL-like).
  const source = (items: TimelineItem[]) => (cursor: Cursor | null, limit: number) =>
    items
      .filter((i) => isOlder(i, cursor))
      .sort(newestFirst)
      .slice(0, limit);

  it('pages through everything once, in order, whatever the sources hold (property)', () => {
    const at = fc.integer({ min: 0, max: 20 }).map((n) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString());
    const kinds = ['check-in', 'pulse', 'round'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...kinds), fc.uuid(), at), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (raw, limit) => {
          const unique = [...new Map(raw.map(([k, id, t]) => [`${k}:${id}`, item(k, id, t)])).values()];
          const sources = kinds.map((k) => source(unique.filter((i) => i.kind === k)));
          const seen: string[] = [];
          let cursor: Cursor | null = null;
          for (let guard = 0; guard < 100; guard++) {
            const page = mergePage(
              sources.map((s) => s(cursor, limit + 1)),
              cursor,
              limit,
            );
            seen.push(...page.items.map((i) => i.key));
            if (!page.nextBefore) break;
            expect(page.items).toHaveLength(limit);
            cursor = parseCursor(page.nextBefore);
          }
          expect(seen).toEqual([...unique].sort(newestFirst).map((i) => i.key));
        },
      ),
    );
  });

  it('bounds a one-kind SQL source like the merge order', () => {
    const cursor = { at: '2026-03-01T00:00:00.000Z', key: 'pulse:abc' };
    expect(olderBound(cursor, 'pulse')).toEqual({ at: cursor.at, idBelow: 'abc' });
    // At the same moment, 'check-in' keys sort below 'pulse' ones (all still to come), 'round' above.
    expect(olderBound(cursor, 'check-in')).toEqual({ at: cursor.at, idBelow: true });
    expect(olderBound(cursor, 'round')).toEqual({ at: cursor.at, idBelow: false });
    expect(olderBound(null, 'pulse')).toBeUndefined();
  });
});
