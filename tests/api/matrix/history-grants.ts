import type { TestApp } from '../../support/test-app.js';
import type { Relation, World } from '../../support/world.js';
import type { MatrixRow } from './types.js';

/**
 * Issue 10 (decision 038): history grants and stuck rounds. Reading who may see the history is
 * the PM's and a current coach's (their own grant only); granting, revoking, closing and handing
 * over a stuck round are the PM's: a current coach who sees the thing gets 403 with a reason,
 * everyone else 404.
 */
const pmAndCoach: readonly Relation[] = ['self', 'coach'];
const grants = (w: World) => `/api/pms/${w.pm.id}/history-grants`;

const stuck = new WeakMap<World, Promise<string>>();

/** An open round whose coach (the world's former coach) has left, once per world. */
function stuckRoundOf(w: World, app: TestApp): Promise<string> {
  if (!stuck.has(w))
    stuck.set(
      w,
      (async () => {
        const opened = await w
          .clientFor('coach')
          .post(`/api/pms/${w.pm.id}/rounds`, { title: 'Left behind' });
        if (opened.status !== 200) throw new Error(`open round failed: ${opened.text}`);
        await app.deps.db
          .updateTable('assessment_rounds')
          .set({ coach_id: w.people.formerCoach.id })
          .where('id', '=', opened.body.id)
          .execute();
        return opened.body.id as string;
      })(),
    );
  return stuck.get(w)!;
}

export const historyGrantRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/pms/{pmId}/history-grants',
    allowed: pmAndCoach,
    coachingData: true,
    request: (w) => ({ path: grants(w) }),
    sees: {
      relations: pmAndCoach,
      find: (body, w) =>
        body.coaches.some((c: { coach: { id: string } }) => c.coach.id === w.people.coach.id),
    },
  },
  {
    method: 'PUT',
    path: '/api/pms/{pmId}/history-grants/{coachId}',
    allowed: ['self'],
    request: (w) => ({ path: `${grants(w)}/${w.people.coach.id}`, body: { parts: ['wheel', 'comments'] } }),
  },
  {
    method: 'DELETE',
    path: '/api/pms/{pmId}/history-grants/{coachId}',
    allowed: ['self'],
    request: (w) => ({ path: `${grants(w)}/${w.people.coach.id}` }),
  },
  {
    method: 'POST',
    path: '/api/rounds/{roundId}/close',
    allowed: ['self'],
    request: async (w, _r, app) => ({ path: `/api/rounds/${await stuckRoundOf(w, app)}/close` }),
  },
  {
    method: 'POST',
    path: '/api/rounds/{roundId}/hand-over',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `/api/rounds/${await stuckRoundOf(w, app)}/hand-over`,
      body: { coachId: w.people.coach.id },
    }),
  },
];
