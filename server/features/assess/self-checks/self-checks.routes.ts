import { Id, PmParams } from '../../../../common/schemas.js';
import {
  SelfCheck,
  SelfCheckCreateInput,
  SelfCheckDraftInput,
  SelfCheckNoteInput,
  SelfCheckList,
} from '../../../../common/self-checks.js';
import type { App, Deps } from '../../../http/env.js';
import type { Actor } from '../../../privacy/actor.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import {
  createSelfCheck,
  listSelfChecks,
  noteSelfCheck,
  readSelfCheck,
  saveSelfCheck,
  shareSelfCheck,
  submitSelfCheck,
} from './self-checks.js';

const tags = ['Self-checks'];
const base = '/api/pms/{pmId}/self-checks';
const one = PmParams.extend({ selfCheckId: Id });

/** Self-checks (decision 036): the PM scores themselves alone; private unless they share one. */
export function registerSelfCheckRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const call = (c: { get: (key: 'actor') => Actor }, p: { pmId: string; selfCheckId: string }) => ({
    db,
    actor: c.get('actor'),
    pmId: p.pmId,
    selfCheckId: p.selfCheckId,
    now: deps.now(),
  });

  app.openapi(
    jsonRoute({
      method: 'get',
      path: base,
      access: 'coaching-data',
      summary:
        "The PM's self-checks, newest first (the PM all of them; a current coach only the shared ones), and the areas to choose from",
      tags,
      request: { params: PmParams },
      response: SelfCheckList,
    }),
    async (c) =>
      c.json(await listSelfChecks({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: base,
      access: 'coaching-data',
      summary:
        'The PM starts a self-check on their current framework version: the whole wheel or chosen areas (one draft at a time)',
      tags,
      request: { params: PmParams, ...jsonBody(SelfCheckCreateInput) },
      response: SelfCheck,
    }),
    async (c) =>
      c.json(
        await createSelfCheck({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          areas: c.req.valid('json').areas,
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: `${base}/{selfCheckId}`,
      access: 'coaching-data',
      summary: 'One self-check (a coach: only while the PM shares it; the private note never)',
      tags,
      request: { params: one },
      response: SelfCheck,
    }),
    async (c) => c.json(await readSelfCheck(call(c, c.req.valid('param'))), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: `${base}/{selfCheckId}`,
      access: 'coaching-data',
      summary: 'Save part of a draft self-check: statement scores and trait words (null clears one)',
      tags,
      request: { params: one, ...jsonBody(SelfCheckDraftInput) },
      response: SelfCheck,
    }),
    async (c) =>
      c.json(await saveSelfCheck({ ...call(c, c.req.valid('param')), draft: c.req.valid('json') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: `${base}/{selfCheckId}/submit`,
      access: 'coaching-data',
      summary: 'Submit a complete self-check; the answer carries the dips it shows (decision 035)',
      tags,
      request: { params: one, ...jsonBody(SelfCheckDraftInput) },
      response: SelfCheck,
    }),
    async (c) =>
      c.json(await submitSelfCheck({ ...call(c, c.req.valid('param')), draft: c.req.valid('json') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: `${base}/{selfCheckId}/note`,
      access: 'coaching-data',
      summary: "The PM's private note on a self-check (what is behind a dip): never shown to a coach",
      tags,
      request: { params: one, ...jsonBody(SelfCheckNoteInput) },
      response: SelfCheck,
    }),
    async (c) =>
      c.json(await noteSelfCheck({ ...call(c, c.req.valid('param')), note: c.req.valid('json').note }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: `${base}/{selfCheckId}/share`,
      access: 'coaching-data',
      summary: 'The PM shares a submitted self-check with their current coach',
      tags,
      request: { params: one },
      response: SelfCheck,
    }),
    async (c) => c.json(await shareSelfCheck({ ...call(c, c.req.valid('param')), share: true }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: `${base}/{selfCheckId}/share`,
      access: 'coaching-data',
      summary: 'The PM unshares a self-check: their coach no longer sees it',
      tags,
      request: { params: one },
      response: SelfCheck,
    }),
    async (c) => c.json(await shareSelfCheck({ ...call(c, c.req.valid('param')), share: false }), 200),
  );
}
