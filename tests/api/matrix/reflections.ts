import { insertRound } from '../../../server/features/people/demo/seed-round.js';
import { pmwheel } from '../../../server/features/define-good/frameworks/pmwheel.js';
import { pmFramework } from '../../../server/features/plan/plans/plan-targets.js';
import { newId, nowIso } from '../../../server/util.js';
import type { TestApp } from '../../support/test-app.js';
import type { World } from '../../support/world.js';
import type { MatrixRow } from './types.js';

/**
 * Issue 10: reflections (author-only; the PM may share one with their coach) and traits in words
 * in rounds (blind like the scores). Everyone outside the pair gets 404; so does anyone who is
 * not the author of a private entry.
 */
interface Seeded {
  sharedId: string;
  privateId: string;
  coachNoteId: string;
  roundId: string;
  openRoundId: string;
}
const seeded = new WeakMap<World, Promise<Seeded>>();

function seedOf(w: World, app: TestApp) {
  if (!seeded.has(w)) seeded.set(w, build(w, app));
  return seeded.get(w)!;
}

async function build(w: World, app: TestApp): Promise<Seeded> {
  const { db } = app.deps;
  const now = nowIso();
  const entry = (author: string, kind: 'reflection' | 'coach-note', body: string, shared: boolean) => ({
    id: newId(),
    pm_id: w.pm.id,
    author_id: author,
    kind,
    body,
    attached_kind: null,
    attached_id: null,
    attached_label: null,
    shared_at: shared ? now : null,
    created_at: now,
    updated_at: now,
  });
  const shared = entry(w.pm.id, 'reflection', 'Shared with my coach', true);
  const secret = entry(w.pm.id, 'reflection', 'Mine alone', false);
  const note = entry(w.people.coach.id, 'coach-note', 'Coach only', false);
  await db.insertInto('reflections').values([shared, secret, note]).execute();
  const version = await pmFramework(db, w.pm.id);
  const all = Object.fromEntries(pmwheel.areas.flatMap((a) => a.statements.map((s) => [s.key, 6])));
  const base = { workspaceId: w.workspaceId, pmId: w.pm.id, coachId: w.people.coach.id, version };
  const roundId = await insertRound(db, {
    ...base,
    title: 'Revealed',
    createdAt: now,
    self: { scores: all, submitted: true },
    coach: { scores: all, submitted: true },
  });
  const openRoundId = await insertRound(db, {
    ...base,
    title: 'Open',
    createdAt: now,
    self: { scores: {}, submitted: false },
    coach: { scores: {}, submitted: false },
  });
  return { sharedId: shared.id, privateId: secret.id, coachNoteId: note.id, roundId, openRoundId };
}

const both = ['self', 'coach'] as const;
const base = (w: World) => `/api/pms/${w.pm.id}/reflections`;

export const reflectionRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/pms/{pmId}/reflections',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seedOf(w, app), { path: base(w) }),
    // The PM's private reflection: the PM finds it, their coach does not.
    sees: {
      relations: ['self'],
      find: (body) => body.entries.some((e: { body: string }) => e.body === 'Mine alone'),
    },
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/reflections',
    allowed: both,
    coachingData: true,
    request: (w) => ({ path: base(w), body: { body: 'A thought after today' } }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/reflections/{reflectionId}',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({ path: `${base(w)}/${(await seedOf(w, app)).sharedId}` }),
  },
  {
    method: 'PATCH',
    path: '/api/pms/{pmId}/reflections/{reflectionId}',
    allowed: ['self'],
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `${base(w)}/${(await seedOf(w, app)).privateId}`,
      body: { body: 'Rewritten' },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/pms/{pmId}/reflections/{reflectionId}',
    allowed: ['self'],
    coachingData: true,
    request: async (w, _r, app) => ({ path: `${base(w)}/${(await seedOf(w, app)).privateId}` }),
  },
  {
    method: 'PUT',
    path: '/api/pms/{pmId}/reflections/{reflectionId}/share',
    allowed: ['self'],
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `${base(w)}/${(await seedOf(w, app)).privateId}/share`,
      body: { shared: true },
    }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/rounds/{roundId}/traits',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `/api/pms/${w.pm.id}/rounds/${(await seedOf(w, app)).roundId}/traits`,
    }),
  },
  {
    method: 'PUT',
    path: '/api/pms/{pmId}/rounds/{roundId}/traits',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `/api/pms/${w.pm.id}/rounds/${(await seedOf(w, app)).openRoundId}/traits`,
      body: { words: { curiosity: 'Asks why until the problem is clear' } },
    }),
  },
];
