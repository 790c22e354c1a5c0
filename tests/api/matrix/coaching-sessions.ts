import {
  scheduleCoachingSession,
  startCoachingSession,
} from '../../../server/features/cadence/coaching-sessions/coaching-sessions.js';
import { createPlan } from '../../../server/features/plan/plans/plans.js';
import type { Actor } from '../../../server/privacy/actor.js';
import type { TestApp } from '../../support/test-app.js';
import type { World, WorldPerson } from '../../support/world.js';
import type { MatrixRow } from './types.js';

/**
 * Issue 8: coaching sessions. The PM and the coach of the coaching session read and change it;
 * everyone else (a former coach, another coach, the admin, an outsider) gets 404 exactly like a
 * missing coaching session, and changes nothing.
 */
const actorOf = (w: World, p: WorldPerson): Actor => ({
  id: p.id,
  workspaceId: w.workspaceId,
  name: p.email,
  email: p.email,
  isAdmin: false,
});

const seeded = new WeakMap<World, ReturnType<typeof build>>();

/** A plan with one theme, a coaching session in progress with an agenda, and one scheduled (once per world). */
function seed(w: World, app: TestApp) {
  if (!seeded.has(w)) seeded.set(w, build(w, app));
  return seeded.get(w)!;
}

async function build(w: World, app: TestApp) {
  const { db } = app.deps;
  const coach = actorOf(w, w.people.coach);
  const plan = await createPlan({
    db,
    actor: actorOf(w, w.pm),
    pmId: w.pm.id,
    plan: {
      headline: 'Own discovery',
      focus: '',
      themes: [{ title: 'Talk to users', why: '', areas: [], traits: [], actions: [] }],
    },
  });
  const now = new Date();
  const running = await scheduleCoachingSession({
    db,
    actor: coach,
    pmId: w.pm.id,
    schedule: { startsAt: '2030-03-04T10:00', timeZone: 'Europe/Berlin' },
    now,
    config: app.deps.config,
  });
  const started = await startCoachingSession({ db, actor: coach, coachingSessionId: running.id, now });
  const scheduled = await scheduleCoachingSession({
    db,
    actor: coach,
    pmId: w.pm.id,
    schedule: { startsAt: '2030-04-04T10:00', timeZone: 'Europe/Berlin' },
    now,
    config: app.deps.config,
  });
  return {
    runningId: running.id,
    scheduledId: scheduled.id,
    itemId: started.agenda[0]!.id,
    themeId: plan.themes[0]!.id,
  };
}

const both = ['self', 'coach'] as const;
const url = (id: string, rest = '') => `/api/coaching-sessions/${id}${rest}`;

export const coachingSessionRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/pms/{pmId}/coaching-sessions',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seed(w, app), { path: `/api/pms/${w.pm.id}/coaching-sessions` }),
    sees: {
      relations: both,
      find: (body: { upcoming: { localStart: string }[] }) =>
        body.upcoming.some((s) => s.localStart === '2030-04-04T10:00'),
    },
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/coaching-sessions',
    allowed: both,
    coachingData: true,
    request: (w) => ({
      path: `/api/pms/${w.pm.id}/coaching-sessions`,
      body: { startsAt: '2030-05-04T10:00', timeZone: 'America/New_York' },
    }),
  },
  {
    method: 'GET',
    path: '/api/coaching-sessions/{id}',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({ path: url((await seed(w, app)).scheduledId) }),
  },
  {
    method: 'PATCH',
    path: '/api/coaching-sessions/{id}',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: url((await seed(w, app)).scheduledId),
      body: { startsAt: '2030-04-05T11:00' },
    }),
  },
  ...(['cancel', 'start'] as const).map((verb): MatrixRow => ({
    method: 'POST',
    path: `/api/coaching-sessions/{id}/${verb}`,
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({ path: url((await seed(w, app)).scheduledId, `/${verb}`) }),
  })),
  {
    method: 'POST',
    path: '/api/coaching-sessions/{id}/end',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({ path: url((await seed(w, app)).runningId, '/end') }),
  },
  {
    method: 'POST',
    path: '/api/coaching-sessions/{id}/agenda',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: url((await seed(w, app)).runningId, '/agenda'),
      body: { text: 'How did the demo go?' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/coaching-sessions/{id}/agenda/{itemId}',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => {
      const s = await seed(w, app);
      return { path: url(s.runningId, `/agenda/${s.itemId}`), body: { done: true } };
    },
  },
  {
    method: 'PUT',
    path: '/api/coaching-sessions/{id}/agenda/order',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => {
      const { runningId } = await seed(w, app);
      const items = await app.deps.db
        .selectFrom('session_agenda_items')
        .select('id')
        .where('session_id', '=', runningId)
        .orderBy('position', 'desc')
        .execute();
      return { path: url(runningId, '/agenda/order'), body: { itemIds: items.map((i) => i.id) } };
    },
  },
  {
    method: 'PUT',
    path: '/api/coaching-sessions/{id}/colours/{themeId}',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => {
      const s = await seed(w, app);
      return { path: url(s.runningId, `/colours/${s.themeId}`), body: { colour: 'amber', why: 'Halfway' } };
    },
  },
  {
    method: 'PUT',
    path: '/api/coaching-sessions/{id}/notes',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: url((await seed(w, app)).runningId, '/notes'),
      body: { body: 'We agreed on a pilot.' },
    }),
  },
  {
    method: 'PUT',
    path: '/api/coaching-sessions/{id}/private-note',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: url((await seed(w, app)).runningId, '/private-note'),
      body: { body: 'Only mine.' },
    }),
  },
  {
    method: 'POST',
    path: '/api/coaching-sessions/{id}/next-steps',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => {
      const s = await seed(w, app);
      return {
        path: url(s.runningId, '/next-steps'),
        body: { text: 'Book two user calls', themeId: s.themeId },
      };
    },
  },
];
