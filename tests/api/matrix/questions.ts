import { addQuestion } from '../../../server/features/define-good/questions/questions.js';
import type { Actor } from '../../../server/privacy/actor.js';
import type { TestApp } from '../../support/test-app.js';
import type { World } from '../../support/world.js';
import { signedIn, type MatrixRow } from './types.js';

/**
 * Issue 8: the question bank. Browsing and adding are for every signed-in person; a question
 * someone added is changed by its author only (a workspace member who sees a shared one gets
 * 403, someone else's private one is missing). Suggestions and "asked" are a PM's coaching data.
 */
const seeded = new WeakMap<World, Promise<{ sharedId: string; privateId: string }>>();

/** The coach's shared and private questions (once per world). */
function seedQuestions(w: World, app: TestApp) {
  if (!seeded.has(w)) seeded.set(w, build(w, app));
  return seeded.get(w)!;
}

async function build(w: World, app: TestApp) {
  const actor: Actor = {
    id: w.people.coach.id,
    workspaceId: w.workspaceId,
    name: 'Coach',
    email: w.people.coach.email,
    isAdmin: false,
  };
  const base = { db: app.deps.db, actor, now: new Date() };
  const shared = await addQuestion({
    ...base,
    question: { text: 'What did the team teach you this month?', visibility: 'workspace' },
  });
  const secret = await addQuestion({
    ...base,
    question: { text: 'Which stakeholder drains you most, privately?', visibility: 'private' },
  });
  return { sharedId: shared.id, privateId: secret.id };
}

const both = ['self', 'coach'] as const;

export const questionRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/questions',
    allowed: signedIn,
    request: async (w, _r, app) => (await seedQuestions(w, app), { path: '/api/questions' }),
    // The coach's private question: only the coach finds it.
    sees: {
      relations: ['coach'],
      find: (body) => body.questions.some((q: { text: string }) => q.text.includes('drains you most')),
    },
  },
  {
    method: 'POST',
    path: '/api/questions',
    allowed: signedIn,
    request: () => ({
      path: '/api/questions',
      body: { text: 'What would you try if you could not fail?', areas: ['courage'], visibility: 'private' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/questions/{id}',
    allowed: ['coach'],
    request: async (w, _r, app) => ({
      path: `/api/questions/${(await seedQuestions(w, app)).sharedId}`,
      body: { text: 'What did the team teach you this quarter?' },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/questions/{id}',
    allowed: ['coach'],
    request: async (w, _r, app) => ({ path: `/api/questions/${(await seedQuestions(w, app)).sharedId}` }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/questions/suggested',
    allowed: both,
    coachingData: true,
    request: (w) => ({ path: `/api/pms/${w.pm.id}/questions/suggested` }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/questions/asked',
    allowed: both,
    coachingData: true,
    request: (w) => ({
      path: `/api/pms/${w.pm.id}/questions/asked`,
      body: { questionIds: ['seed-successful'] },
    }),
  },
];
