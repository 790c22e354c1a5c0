import { sendNudge } from '../../../server/features/cadence/nudges/nudges.js';
import type { TestApp } from '../../support/test-app.js';
import type { World } from '../../support/world.js';
import type { MatrixRow } from './types.js';

/**
 * Issue 9: nudges. The thread is the PM's and their current coach's (the coach sees their own of
 * this pairing); only a current coach sends and reads nudge ideas; only the PM reacts and answers.
 * Inside the pair the other side gets 403 with a reason (those rows are not `coachingData`;
 * nudges.test.ts checks everyone else gets exactly 404).
 */
const seeded = new WeakMap<World, Promise<string>>();

/** One nudge from the world's coach to its PM (once per world); its id. */
function seedNudge(w: World, app: TestApp) {
  if (!seeded.has(w))
    seeded.set(
      w,
      sendNudge({
        db: app.deps.db,
        actor: {
          id: w.people.coach.id,
          workspaceId: w.workspaceId,
          name: 'Coach',
          email: w.people.coach.email,
          isAdmin: false,
        },
        pmId: w.pm.id,
        nudge: { text: 'A nudge from the matrix', about: { kind: 'free' } },
        now: new Date(),
      }).then((n) => n.id),
    );
  return seeded.get(w)!;
}

const pm = (w: World) => `/api/pms/${w.pm.id}`;

export const nudgeRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/pms/{pmId}/nudges',
    allowed: ['self', 'coach'],
    coachingData: true,
    request: async (w, _r, app) => (await seedNudge(w, app), { path: `${pm(w)}/nudges` }),
    sees: {
      relations: ['self', 'coach'],
      find: (body) => body.nudges.some((n: { text: string }) => n.text === 'A nudge from the matrix'),
    },
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/nudges',
    allowed: ['coach'],
    request: (w) => ({ path: `${pm(w)}/nudges`, body: { text: 'How did it go?' } }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/nudges/{nudgeId}/reaction',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/nudges/${await seedNudge(w, app)}/reaction`,
      body: { reaction: 'thanks' },
    }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/nudges/{nudgeId}/reply',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/nudges/${await seedNudge(w, app)}/reply`,
      body: { text: 'On it.' },
    }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/nudge-ideas',
    allowed: ['coach'],
    request: (w) => ({ path: `${pm(w)}/nudge-ideas` }),
  },
];
