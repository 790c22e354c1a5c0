import type { TimelineItem } from '../../../../common/timeline.js';

/** An item of the timeline: its key from kind and id; not private, no detail and no page unless given. */
export const timelineItem = (
  i: Pick<TimelineItem, 'kind' | 'at' | 'title'> &
    Partial<Pick<TimelineItem, 'detail' | 'link' | 'private'>> & { id: string },
): TimelineItem => ({
  key: `${i.kind}:${i.id}`,
  kind: i.kind,
  at: i.at,
  title: i.title,
  detail: i.detail ?? null,
  link: i.link ?? null,
  private: i.private ?? false,
});

/** Items per timeline page. */
export const TIMELINE_PAGE = 30;

/** Where a page starts: the `at` and `key` ("kind:id") of the last item of the page before. */
export interface Cursor {
  at: string;
  key: string;
}

export const cursorOf = (item: Pick<TimelineItem, 'at' | 'key'>) => `${item.at}~${item.key}`;

export function parseCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const i = text.indexOf('~');
  return { at: text.slice(0, i), key: text.slice(i + 1) };
}

/** Timeline order: newest first; the same moment by key, descending (a total order, so pages never overlap). */
export function newestFirst(a: Pick<TimelineItem, 'at' | 'key'>, b: Pick<TimelineItem, 'at' | 'key'>) {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}

/** Whether an item comes after the cursor in timeline order (belongs to a later page). */
export const isOlder = (item: Pick<TimelineItem, 'at' | 'key'>, cursor: Cursor | null) =>
  cursor === null || newestFirst(item, cursor) > 0;

/**
 * For a source whose items are all of one kind, paged in SQL: items strictly older than `at`, or
 * at `at` with an id below `idBelow` (true: every id; false: none). Same order as newestFirst.
 */
export function olderBound(
  cursor: Cursor | null,
  kind: string,
): { at: string; idBelow: string | boolean } | undefined {
  if (!cursor) return undefined;
  const [cursorKind] = cursor.key.split(':', 1);
  if (cursorKind === kind) return { at: cursor.at, idBelow: cursor.key.slice(kind.length + 1) };
  return { at: cursor.at, idBelow: kind < cursorKind! };
}

/**
 * One page from every source's candidates: those after the cursor, newest first, at most `limit`;
 * `nextBefore` when more remain. Each source gives at least limit + 1 of its newest candidates
 * after the cursor (or all it has), so the first `limit` of the merge are the true first.
 */
export function mergePage(candidates: TimelineItem[][], cursor: Cursor | null, limit = TIMELINE_PAGE) {
  const seen = new Set<string>();
  const all = candidates
    .flat()
    .filter((item) => isOlder(item, cursor) && !seen.has(item.key) && seen.add(item.key))
    .sort(newestFirst);
  const items = all.slice(0, limit);
  return { items, nextBefore: all.length > limit ? cursorOf(items.at(-1)!) : null };
}
