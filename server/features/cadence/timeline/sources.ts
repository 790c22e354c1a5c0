import type { TimelineItem } from '../../../../common/timeline.js';
import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleSince } from '../../../privacy/visible-history.js';
import { visibleRounds } from '../../../privacy/visible-rounds.js';
import { checkInsVisibleTo, presentCheckIn } from '../check-ins/check-ins.js';
import { pulsesOf } from '../check-ins/pulses.js';
import { dipsVisibleTo } from '../../assess/wheel/history.js';
import { submittedSelfChecksVisibleTo } from '../../assess/self-checks/self-checks.js';
import { nudgesVisibleTo, presentNudges } from '../nudges/nudges.js';
import { reactionWords } from '../../../../common/nudges.js';
import { olderBound, timelineItem as item, type Cursor } from './merge.js';
import { coachingSessions } from './session-source.js';

/** What a source is given: the viewer (already granted 'timeline:read'), where the page starts, how many at least. */
export interface SourceQuery {
  db: Db;
  viewer: Viewer;
  cursor: Cursor | null;
  /** Give at least this many of your newest items after the cursor (or all you have). */
  limit: number;
}

/**
 * One kind of thing on the timeline. A source shows only what the viewer may see (read through
 * the feature's own viewer-aware functions and the rules, never filtered by hand here).
 */
export type TimelineSource = (q: SourceQuery) => Promise<TimelineItem[]>;

const checkIns: TimelineSource = async ({ db, viewer, cursor, limit }) =>
  (await checkInsVisibleTo(db, viewer, { limit, older: olderBound(cursor, 'check-in') })).map((row) => {
    const c = presentCheckIn(row);
    return item({
      id: c.id,
      kind: 'check-in',
      at: c.createdAt,
      title: `Felt ${c.emotions.map((e) => e.name.toLowerCase()).join(', ')} · ${c.about.title}`,
      detail: c.why || null,
      private: c.private,
    });
  });

const pulses: TimelineSource = async ({ db, viewer, cursor, limit }) =>
  (await pulsesOf(db, viewer, { limit, older: olderBound(cursor, 'pulse') })).map((p) =>
    item({
      id: p.id,
      kind: 'pulse',
      at: p.created_at,
      title: `${p.target_name}: ${p.score} of 10`,
      detail: p.higher ? `One point higher: ${p.higher}` : null,
    }),
  );

const rounds: TimelineSource = async ({ db, viewer, cursor, limit }) => {
  let query = visibleRounds(db, viewer, { revealedOnly: true }).select(['r.id', 'r.title', 'r.revealed_at']);
  if (cursor) query = query.where('r.revealed_at', '<=', cursor.at);
  const rows = await query
    .orderBy('r.revealed_at', 'desc')
    .limit(limit + 10)
    .execute();
  return rows.map((r) =>
    item({
      id: r.id,
      kind: 'round',
      at: r.revealed_at!,
      title: `Wheel revealed: ${r.title}`,
      link: `/rounds/${r.id}`,
    }),
  );
};

const dips: TimelineSource = async ({ db, viewer }) =>
  (await dipsVisibleTo(db, viewer)).map((d) =>
    item({
      id: `${d.roundId ?? d.selfCheckId}.${d.statementKey ?? d.areaKey}`,
      kind: 'dip',
      at: d.revealedAt,
      title: `Dip in ${d.statementText ? `${d.areaName} (“${d.statementText}”)` : d.areaName}: ${d.score} (about ${d.drop} below the recent level)`,
      detail: d.note,
      link: d.roundId ? `/rounds/${d.roundId}` : `/pms/${viewer.pmId}/self-checks`,
      private: d.private,
    }),
  );

/** Submitted self-checks: the PM's all (private until shared), a coach's only the shared ones. */
const selfChecks: TimelineSource = async ({ db, viewer, cursor, limit }) =>
  (await submittedSelfChecksVisibleTo(db, viewer, { limit: limit + 10, atOrBefore: cursor?.at })).map((s) =>
    item({
      id: s.id,
      kind: 'self-check',
      at: s.submittedAt!,
      title: `Self-check: ${s.areas.map((a) => `${a.name} ${a.score ?? '–'}`).join(', ')}`,
      detail: s.sharedAt ? 'Shared with the coach' : null,
      link: `/pms/${viewer.pmId}/self-checks`,
      private: !s.sharedAt,
    }),
  );

/** Plan versions started or refreshed, and actions done (an action's first completion across versions). */
const planChanges: TimelineSource = async ({ db, viewer }) => {
  // A new coach sees what happened during their pairing, earlier only if the PM shared it (decision 038).
  const from = visibleSince(viewer, 'plan-history') ?? '';
  const versions = (
    await db
      .selectFrom('plans')
      .select(['id', 'number', 'headline', 'created_at'])
      .where('pm_id', '=', viewer.pmId)
      .execute()
  ).filter((v) => v.created_at >= from);
  const done = await db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .select(['plan_actions.lineage_id', 'plan_actions.text', 'plan_actions.done_at'])
    .where('plans.pm_id', '=', viewer.pmId)
    .where('plan_actions.done_at', 'is not', null)
    .execute();
  const firstDone = new Map<string, (typeof done)[number]>();
  for (const a of done) {
    const known = firstDone.get(a.lineage_id);
    if (!known || a.done_at! < known.done_at!) firstDone.set(a.lineage_id, a);
  }
  return [
    ...versions.map((v) =>
      item({
        id: v.id,
        kind: v.number === 1 ? 'plan-started' : 'plan-refreshed',
        at: v.created_at,
        title:
          v.number === 1
            ? `Plan started: ${v.headline}`
            : `Plan refreshed (version ${v.number}): ${v.headline}`,
        link: `/pms/${viewer.pmId}/plan/versions/${v.number}`,
      }),
    ),
    ...[...firstDone.values()]
      .filter((a) => a.done_at! >= from)
      .map((a) =>
        item({
          id: a.lineage_id,
          kind: 'action-done',
          at: a.done_at!,
          title: `Action done: ${a.text}`,
          link: `/pms/${viewer.pmId}/plan`,
        }),
      ),
  ];
};

/** Nudges the viewer may see (the nudges feature's rule-filtered read), with the PM's reactions and answers. */
const nudges: TimelineSource = async ({ db, viewer, cursor, limit }) =>
  (
    await presentNudges(db, await nudgesVisibleTo(db, viewer, { limit, older: olderBound(cursor, 'nudge') }))
  ).map((n) =>
    item({
      id: n.id,
      kind: 'nudge',
      at: n.createdAt,
      title: `Nudge from ${n.coach.name}: ${n.text}`,
      detail:
        n.responses.map((r) => (r.reaction ? reactionWords[r.reaction] : `“${r.text}”`)).join(' · ') || null,
      link: `/pms/${viewer.pmId}/nudges#nudge-${n.id}`,
    }),
  );

/** Every kind of thing the timeline mixes. A new kind is one more source here. */
export const timelineSources: TimelineSource[] = [
  checkIns,
  pulses,
  rounds,
  dips,
  planChanges,
  coachingSessions,
  nudges,
  selfChecks,
];
