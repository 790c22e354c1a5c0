import { DeclineInput, Plan, SuggestionInput } from '../../../../common/plans.js';
import { Id, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { acceptSuggestion, createSuggestion, declineSuggestion, withdrawSuggestion } from './suggestions.js';

const tags = ['Development plan'];
const one = PmParams.extend({ suggestionId: Id });

/** The coach inspires, the PM decides: suggestions on the plan, accepted or declined with one call. */
export function registerPlanSuggestionRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan/suggestions',
      access: 'coaching-data',
      summary:
        'Suggest a new theme, a new action, or new words for a theme or action (current coaches only; the PM edits directly)',
      tags,
      request: { params: PmParams, ...jsonBody(SuggestionInput) },
      response: Plan,
    }),
    async (c) =>
      c.json(
        await createSuggestion({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          suggestion: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan/suggestions/{suggestionId}/accept',
      access: 'coaching-data',
      summary: 'Adopt a suggestion into the plan, credited to the coach (PM only)',
      tags,
      request: { params: one },
      response: Plan,
    }),
    async (c) => c.json(await acceptSuggestion({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan/suggestions/{suggestionId}/decline',
      access: 'coaching-data',
      summary: 'Decline a suggestion, optionally saying why (PM only)',
      tags,
      request: { params: one, ...jsonBody(DeclineInput) },
      response: Plan,
    }),
    async (c) =>
      c.json(
        await declineSuggestion({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          reason: c.req.valid('json').reason,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan/suggestions/{suggestionId}/withdraw',
      access: 'coaching-data',
      summary: 'Withdraw your open suggestion (its coach only)',
      tags,
      request: { params: one },
      response: Plan,
    }),
    async (c) =>
      c.json(await withdrawSuggestion({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );
}
