import { ActionInput, ActionPatch, Plan, ThemeInput, ThemePatch } from '../../../../common/plans.js';
import { Id, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import type { Actor } from '../../../privacy/actor.js';
import { addAction, addTheme, removeAction, removeTheme, updateAction, updateTheme } from './plan-items.js';

const tags = ['Development plan'];
const themeParams = PmParams.extend({ themeId: Id });
const actionParams = PmParams.extend({ actionId: Id });

/** Themes and actions of the current version: the PM only; a coach gets 403 and suggests instead. */
export function registerPlanItemRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const call = (actor: Actor, pmId: string) => ({ db, actor, pmId });

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan/themes',
      access: 'coaching-data',
      summary: 'Add a theme, with the areas and traits it serves and its first actions (PM only)',
      tags,
      request: { params: PmParams, ...jsonBody(ThemeInput) },
      response: Plan,
    }),
    async (c) =>
      c.json(
        await addTheme({ ...call(c.get('actor'), c.req.valid('param').pmId), theme: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/pms/{pmId}/plan/themes/{themeId}',
      access: 'coaching-data',
      summary: 'Change a theme’s words, areas, traits or place (PM only)',
      tags,
      request: { params: themeParams, ...jsonBody(ThemePatch) },
      response: Plan,
    }),
    async (c) => {
      const { pmId, themeId } = c.req.valid('param');
      return c.json(
        await updateTheme({ ...call(c.get('actor'), pmId), themeId, patch: c.req.valid('json') }),
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/pms/{pmId}/plan/themes/{themeId}',
      access: 'coaching-data',
      summary: 'Remove a theme and its actions from the current version (PM only)',
      tags,
      request: { params: themeParams },
      response: Plan,
    }),
    async (c) => {
      const { pmId, themeId } = c.req.valid('param');
      return c.json(await removeTheme({ ...call(c.get('actor'), pmId), themeId }), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan/themes/{themeId}/actions',
      access: 'coaching-data',
      summary: 'Add an action to a theme (PM only)',
      tags,
      request: { params: themeParams, ...jsonBody(ActionInput) },
      response: Plan,
    }),
    async (c) => {
      const { pmId, themeId } = c.req.valid('param');
      return c.json(
        await addAction({ ...call(c.get('actor'), pmId), themeId, action: c.req.valid('json') }),
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/pms/{pmId}/plan/actions/{actionId}',
      access: 'coaching-data',
      summary: 'Change an action: words, due date, status, evidence or place (PM only)',
      tags,
      request: { params: actionParams, ...jsonBody(ActionPatch) },
      response: Plan,
    }),
    async (c) => {
      const { pmId, actionId } = c.req.valid('param');
      return c.json(
        await updateAction({ ...call(c.get('actor'), pmId), actionId, patch: c.req.valid('json') }),
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/pms/{pmId}/plan/actions/{actionId}',
      access: 'coaching-data',
      summary: 'Remove an action from the current version (PM only)',
      tags,
      request: { params: actionParams },
      response: Plan,
    }),
    async (c) => {
      const { pmId, actionId } = c.req.valid('param');
      return c.json(await removeAction({ ...call(c.get('actor'), pmId), actionId }), 200);
    },
  );
}
