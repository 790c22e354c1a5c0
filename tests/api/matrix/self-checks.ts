import {
  createSelfCheck,
  shareSelfCheck,
  submitSelfCheck,
} from '../../../server/features/assess/self-checks/self-checks.js';
import type { Actor } from '../../../server/privacy/actor.js';
import type { TestApp } from '../../support/test-app.js';
import type { World } from '../../support/world.js';
import type { MatrixRow } from './types.js';

/**
 * Issue 10: self-checks. The PM writes; a current coach reads only a shared one (an unshared one,
 * and every change, is a 404 for them, like a missing one); everyone else finds nothing. Starting
 * one is the PM's: their coach gets 403 with a reason (that row is not `coachingData`).
 */
const team = { 'team.1': 6, 'team.2': 6, 'team.3': 6, 'team.4': 6, 'team.5': 6 };
const submitted = new WeakMap<World, Promise<{ sharedId: string; privateId: string }>>();
const drafts = new WeakMap<World, Promise<string>>();

const pmActor = (w: World): Actor => ({
  id: w.pm.id,
  workspaceId: w.workspaceId,
  name: 'PM',
  email: w.pm.email,
  isAdmin: false,
});

/** A shared and a private submitted self-check of the Team area (once per world). */
function seedSubmitted(w: World, app: TestApp) {
  if (!submitted.has(w)) submitted.set(w, buildSubmitted(w, app));
  return submitted.get(w)!;
}

async function buildSubmitted(w: World, app: TestApp) {
  const base = { db: app.deps.db, actor: pmActor(w), pmId: w.pm.id };
  const ids = [];
  for (let i = 0; i < 2; i++) {
    const draft = await createSelfCheck({ ...base, areas: ['team'], now: new Date() });
    await submitSelfCheck({ ...base, selfCheckId: draft.id, draft: { scores: team }, now: new Date() });
    ids.push(draft.id);
  }
  await shareSelfCheck({ ...base, selfCheckId: ids[0]!, share: true, now: new Date() });
  return { sharedId: ids[0]!, privateId: ids[1]! };
}

/** A draft self-check of the Team area (once per world). */
function seedDraft(w: World, app: TestApp) {
  if (!drafts.has(w))
    drafts.set(
      w,
      createSelfCheck({
        db: app.deps.db,
        actor: pmActor(w),
        pmId: w.pm.id,
        areas: ['team'],
        now: new Date(),
      }).then((d) => d.id),
    );
  return drafts.get(w)!;
}

const base = (w: World) => `/api/pms/${w.pm.id}/self-checks`;

export const selfCheckRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/pms/{pmId}/self-checks',
    allowed: ['self', 'coach'],
    coachingData: true,
    request: async (w, _r, app) => (await seedSubmitted(w, app), { path: base(w) }),
    // The private self-check: the PM finds it, their coach does not.
    sees: {
      relations: ['self'],
      find: (body) => body.selfChecks.some((s: { sharedAt: string | null }) => s.sharedAt === null),
    },
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/self-checks',
    allowed: ['self'],
    request: (w) => ({ path: base(w), body: { areas: ['team'] } }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/self-checks/{selfCheckId}',
    allowed: ['self', 'coach'],
    coachingData: true,
    request: async (w, _r, app) => ({ path: `${base(w)}/${(await seedSubmitted(w, app)).sharedId}` }),
  },
  {
    method: 'PATCH',
    path: '/api/pms/{pmId}/self-checks/{selfCheckId}',
    allowed: ['self'],
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `${base(w)}/${await seedDraft(w, app)}`,
      body: { scores: { 'team.1': 7 } },
    }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/self-checks/{selfCheckId}/submit',
    allowed: ['self'],
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `${base(w)}/${await seedDraft(w, app)}/submit`,
      body: { scores: team },
    }),
  },
  {
    method: 'PUT',
    path: '/api/pms/{pmId}/self-checks/{selfCheckId}/note',
    allowed: ['self'],
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `${base(w)}/${(await seedSubmitted(w, app)).sharedId}/note`,
      body: { note: 'What is behind it' },
    }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/self-checks/{selfCheckId}/share',
    allowed: ['self'],
    coachingData: true,
    request: async (w, _r, app) => ({ path: `${base(w)}/${(await seedSubmitted(w, app)).privateId}/share` }),
  },
  {
    method: 'DELETE',
    path: '/api/pms/{pmId}/self-checks/{selfCheckId}/share',
    allowed: ['self'],
    coachingData: true,
    request: async (w, _r, app) => ({ path: `${base(w)}/${(await seedSubmitted(w, app)).sharedId}/share` }),
  },
];
