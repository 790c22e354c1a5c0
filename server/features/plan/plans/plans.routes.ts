import { createRoute, z } from '@hono/zod-openapi';
import {
  CurrentPlan,
  Plan,
  PlanIdeas,
  PlanInput,
  PlanPatch,
  PlanVersionInfo,
  RefreshInput,
} from '../../../../common/plans.js';
import { ErrorResponse, PmParams } from '../../../../common/schemas.js';
import { accessMiddleware } from '../../../http/access.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { registerPlanItemRoutes } from './plan-items.routes.js';
import { getPlanIdeas } from './plan-ideas.js';
import {
  createPlan,
  exportPlanMarkdown,
  getCurrentPlan,
  getPlanVersion,
  listPlanVersions,
  refreshPlan,
  updatePlan,
} from './plans.js';

export const planTags = ['Development plan'];
const Version = z.coerce.number().int('must be a whole number').min(1, 'must be at least 1');

/**
 * The development plan the PM owns. Reads: the PM and their current coaches. Writes: the PM only
 * (a coach gets 403 and is pointed to suggestions). Every change returns the whole plan as the
 * caller now sees it, so a page re-renders from one answer.
 */
export function registerPlanRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const tags = planTags;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/plan',
      access: 'coaching-data',
      summary:
        'The current version of the PM’s plan, with ownership, warnings, comments and suggestions (PM and current coaches)',
      tags,
      request: { params: PmParams },
      response: CurrentPlan,
    }),
    async (c) =>
      c.json(
        { plan: await getCurrentPlan({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }) },
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan',
      access: 'coaching-data',
      summary:
        'The PM starts their plan: headline, period (default six months from today), first themes (PM only)',
      tags,
      request: { params: PmParams, ...jsonBody(PlanInput) },
      response: Plan,
    }),
    async (c) =>
      c.json(
        await createPlan({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          plan: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/pms/{pmId}/plan',
      access: 'coaching-data',
      summary: 'Change the headline, focus or period of the current version (PM only)',
      tags,
      request: { params: PmParams, ...jsonBody(PlanPatch) },
      response: Plan,
    }),
    async (c) =>
      c.json(
        await updatePlan({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          patch: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/plan/versions',
      access: 'coaching-data',
      summary: 'Every version of the plan, newest first (PM and current coaches)',
      tags,
      request: { params: PmParams },
      response: z.array(PlanVersionInfo),
    }),
    async (c) =>
      c.json(await listPlanVersions({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/plan/versions/{version}',
      access: 'coaching-data',
      summary: 'One version of the plan, as it was (PM and current coaches)',
      tags,
      request: { params: PmParams.extend({ version: Version }) },
      response: Plan,
    }),
    async (c) => c.json(await getPlanVersion({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/plan/refresh',
      access: 'coaching-data',
      summary:
        'Quarterly refresh: a new version with a new headline or focus, starting as a copy; the old one stays readable (PM only)',
      tags,
      request: { params: PmParams, ...jsonBody(RefreshInput) },
      response: Plan,
    }),
    async (c) =>
      c.json(
        await refreshPlan({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          refresh: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/plan/ideas',
      access: 'coaching-data',
      summary:
        'Theme ideas from the latest revealed wheel, the areas and traits to choose from, and example actions (PM and current coaches)',
      tags,
      request: { params: PmParams },
      response: PlanIdeas,
    }),
    async (c) =>
      c.json(await getPlanIdeas({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(exportRoute, async (c) => {
    const { pmId } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const { fileName, markdown } = await exportPlanMarkdown({ db, actor: c.get('actor'), pmId, version });
    return c.body(markdown, 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    });
  });

  registerPlanItemRoutes(app, deps);
}

const refused = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorResponse } },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/pms/{pmId}/plan/export',
  middleware: accessMiddleware['coaching-data'],
  summary:
    'The plan as a Markdown file (current version, or ?version=N); no comments or private notes (PM and current coaches)',
  tags: planTags,
  request: { params: PmParams, query: z.object({ version: Version.optional() }) },
  responses: {
    200: {
      description: 'A Markdown file (Content-Disposition names it)',
      content: { 'text/markdown': { schema: z.string() } },
    },
    400: refused('Invalid input'),
    404: refused('No plan yet, or not yours to see'),
  },
});
