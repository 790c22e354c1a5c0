import type { History } from '../../../../../common/wheel-rounds';

/**
 * Joins an earlier page of history before a later one (the server sends the latest 12 columns,
 * then earlier pages by cursor). Areas are matched by key; an area a page lacks gets empty points.
 */
export function joinPages(earlier: History, later: History): History {
  const keys = [...later.areas.map((a) => a.key), ...earlier.areas.map((a) => a.key)].filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  return {
    scale: later.scale ?? earlier.scale,
    rounds: [...earlier.rounds, ...later.rounds],
    selfChecks: [...earlier.selfChecks, ...later.selfChecks],
    areas: keys.map((key) => {
      const e = earlier.areas.find((a) => a.key === key);
      const l = later.areas.find((a) => a.key === key);
      return {
        key,
        name: (l ?? e)!.name,
        points: [
          ...(e?.points ??
            earlier.rounds.map((r) => ({ roundId: r.id, self: null, coach: null, peers: null }))),
          ...(l?.points ??
            later.rounds.map((r) => ({ roundId: r.id, self: null, coach: null, peers: null }))),
        ],
        selfCheckPoints: [
          ...(e?.selfCheckPoints ?? earlier.selfChecks.map((c) => ({ selfCheckId: c.id, self: null }))),
          ...(l?.selfCheckPoints ?? later.selfChecks.map((c) => ({ selfCheckId: c.id, self: null }))),
        ],
      };
    }),
    earlier: earlier.earlier,
    earlierCursor: earlier.earlierCursor,
  };
}
