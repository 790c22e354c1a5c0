import { addComment } from '../../../server/features/plan/plans/comments.js';
import { createSuggestion } from '../../../server/features/plan/plans/suggestions.js';
import { createPlan } from '../../../server/features/plan/plans/plans.js';
import { proposeVision } from '../../../server/features/plan/visions/visions.js';
import type { Actor } from '../../../server/privacy/actor.js';
import type { TestApp } from '../../support/test-app.js';
import type { World, WorldPerson } from '../../support/world.js';
import type { MatrixRow } from './types.js';

/**
 * Issue 4: the shared vision and the development plan. Reads are the PM's and current coaches'
 * (404 for everyone else). Writes that belong to one side (the PM writes the plan and decides
 * on suggestions; a coach suggests) refuse the other side with 403 and a reason, because that
 * side sees the plan anyway; those rows are not `coachingData`, and plan-refusals.test.ts
 * checks that everyone else still gets exactly 404.
 */
const actorOf = (w: World, p: WorldPerson): Actor => ({
  id: p.id,
  workspaceId: w.workspaceId,
  name: p.email,
  email: p.email,
  isAdmin: false,
});

const seeded = new WeakMap<World, ReturnType<typeof buildPlan>>();

/** The PM's plan with a theme, an action, a coach's open suggestion and a coach's comment (once per world). */
export function seedPlan(w: World, app: TestApp) {
  if (!seeded.has(w)) seeded.set(w, buildPlan(w, app));
  return seeded.get(w)!;
}

async function buildPlan(w: World, app: TestApp) {
  const { db } = app.deps;
  const pmId = w.pm.id;
  const coach = actorOf(w, w.people.coach);
  const action = {
    text: 'Lead three interviews solo',
    dueOn: null,
    status: 'not_started' as const,
    evidence: '',
  };
  const plan = await createPlan({
    db,
    actor: actorOf(w, w.pm),
    pmId,
    plan: {
      headline: 'Own discovery',
      focus: '',
      themes: [{ title: 'Talk to users', why: '', areas: [], traits: [], actions: [action] }],
    },
  });
  const theme = plan.themes[0]!;
  const suggested = await createSuggestion({
    db,
    actor: coach,
    pmId,
    suggestion: {
      kind: 'new_action',
      themeId: theme.id,
      text: 'Read “The Mom Test”',
      dueOn: null,
      message: '',
    },
  });
  const commented = await addComment({
    db,
    actor: coach,
    pmId,
    comment: { themeId: theme.id, body: 'Good start', private: false },
  });
  return {
    themeId: theme.id,
    actionId: theme.actions[0]!.id,
    suggestionId: suggested.suggestions[0]!.id,
    commentId: commented.comments[0]!.id,
  };
}

const proposals = new WeakMap<World, Promise<string>>();

/** An open vision proposal by the coach (once per world). */
function seedProposal(w: World, app: TestApp) {
  if (!proposals.has(w)) proposals.set(w, buildProposal(w, app));
  return proposals.get(w)!;
}

async function buildProposal(w: World, app: TestApp) {
  const vision = await proposeVision({
    db: app.deps.db,
    actor: actorOf(w, w.people.coach),
    pmId: w.pm.id,
    proposal: { nextBiggerChallenge: 'Own the onboarding area', careerDirection: 'Group PM', note: '' },
  });
  return vision.proposal!.id;
}

const both = ['self', 'coach'] as const;
const pm = (w: World) => `/api/pms/${w.pm.id}`;

export const planRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/pms/{pmId}/vision',
    allowed: both,
    coachingData: true,
    request: (w) => ({ path: `${pm(w)}/vision` }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/vision/proposals',
    allowed: both,
    coachingData: true,
    request: (w) => ({
      path: `${pm(w)}/vision/proposals`,
      body: { nextBiggerChallenge: 'Lead the pricing project', careerDirection: 'Head of product' },
    }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/vision/proposals/{proposalId}/accept',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/vision/proposals/${await seedProposal(w, app)}/accept`,
    }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/vision/proposals/{proposalId}/withdraw',
    allowed: ['coach'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/vision/proposals/${await seedProposal(w, app)}/withdraw`,
    }),
  },

  {
    method: 'GET',
    path: '/api/pms/{pmId}/plan',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seedPlan(w, app), { path: `${pm(w)}/plan` }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan',
    allowed: ['self'],
    request: (w) => ({ path: `${pm(w)}/plan`, body: { headline: 'My first plan' } }),
  },
  {
    method: 'PATCH',
    path: '/api/pms/{pmId}/plan',
    allowed: ['self'],
    request: async (w, _r, app) => (
      await seedPlan(w, app),
      { path: `${pm(w)}/plan`, body: { headline: 'Sharper' } }
    ),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/plan/versions',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seedPlan(w, app), { path: `${pm(w)}/plan/versions` }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/plan/versions/{version}',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seedPlan(w, app), { path: `${pm(w)}/plan/versions/1` }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan/refresh',
    allowed: ['self'],
    request: async (w, _r, app) => (
      await seedPlan(w, app),
      { path: `${pm(w)}/plan/refresh`, body: { headline: 'Next quarter' } }
    ),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/plan/ideas',
    allowed: both,
    coachingData: true,
    request: (w) => ({ path: `${pm(w)}/plan/ideas` }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/plan/export',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seedPlan(w, app), { path: `${pm(w)}/plan/export` }),
  },

  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan/themes',
    allowed: ['self'],
    request: async (w, _r, app) => (
      await seedPlan(w, app),
      { path: `${pm(w)}/plan/themes`, body: { title: 'Say no kindly' } }
    ),
  },
  {
    method: 'PATCH',
    path: '/api/pms/{pmId}/plan/themes/{themeId}',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/plan/themes/${(await seedPlan(w, app)).themeId}`,
      body: { title: 'Talk to users weekly' },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/pms/{pmId}/plan/themes/{themeId}',
    allowed: ['self'],
    request: async (w, _r, app) => ({ path: `${pm(w)}/plan/themes/${(await seedPlan(w, app)).themeId}` }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan/themes/{themeId}/actions',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/plan/themes/${(await seedPlan(w, app)).themeId}/actions`,
      body: { text: 'Shadow sales calls' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/pms/{pmId}/plan/actions/{actionId}',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/plan/actions/${(await seedPlan(w, app)).actionId}`,
      body: { status: 'done' },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/pms/{pmId}/plan/actions/{actionId}',
    allowed: ['self'],
    request: async (w, _r, app) => ({ path: `${pm(w)}/plan/actions/${(await seedPlan(w, app)).actionId}` }),
  },

  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan/suggestions',
    allowed: ['coach'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/plan/suggestions`,
      body: {
        kind: 'reword_theme',
        themeId: (await seedPlan(w, app)).themeId,
        title: 'Hear users every week',
      },
    }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan/suggestions/{suggestionId}/accept',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/plan/suggestions/${(await seedPlan(w, app)).suggestionId}/accept`,
    }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan/suggestions/{suggestionId}/decline',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/plan/suggestions/${(await seedPlan(w, app)).suggestionId}/decline`,
      body: { reason: 'Not now' },
    }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan/suggestions/{suggestionId}/withdraw',
    allowed: ['coach'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/plan/suggestions/${(await seedPlan(w, app)).suggestionId}/withdraw`,
    }),
  },

  {
    method: 'POST',
    path: '/api/pms/{pmId}/plan/comments',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (
      await seedPlan(w, app),
      { path: `${pm(w)}/plan/comments`, body: { body: 'Looks focused' } }
    ),
  },
  {
    method: 'DELETE',
    path: '/api/pms/{pmId}/plan/comments/{commentId}',
    allowed: ['coach'],
    request: async (w, _r, app) => ({ path: `${pm(w)}/plan/comments/${(await seedPlan(w, app)).commentId}` }),
  },
];
