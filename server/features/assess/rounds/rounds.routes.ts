import { z } from '@hono/zod-openapi';
import { Id, PmParams } from '../../../../common/schemas.js';
import {
  Assessment,
  AssessmentDraftInput,
  OpenRoundInput,
  Round,
  RoundDetail,
  AssessmentSide,
} from '../../../../common/wheel-rounds.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { readAssessment, saveDraft, submitAssessment } from './assessments.js';
import { getRound, listRounds, openRound } from './rounds.js';

const tags = ['Wheel'];
const roundParams = z.object({ roundId: Id });
const sideParams = roundParams.extend({ side: AssessmentSide });

/** Rounds and the two blind assessments of each (decision 011). */
export function registerRoundRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/rounds',
      access: 'coaching-data',
      summary: "A PM's assessment rounds, newest first (the PM and their current coach)",
      tags,
      request: { params: PmParams },
      response: z.array(Round),
    }),
    async (c) =>
      c.json(await listRounds({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/rounds',
      access: 'coaching-data',
      summary:
        'Open a round on a framework’s current version (the PM or their coach; one open round at a time)',
      tags,
      request: { params: PmParams, ...jsonBody(OpenRoundInput) },
      response: RoundDetail,
    }),
    async (c) =>
      c.json(
        await openRound({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/rounds/{roundId}',
      access: 'coaching-data',
      summary: 'A round, its status per side and the framework version to fill in',
      tags,
      request: { params: roundParams },
      response: RoundDetail,
    }),
    async (c) =>
      c.json(await getRound({ db, actor: c.get('actor'), roundId: c.req.valid('param').roundId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/rounds/{roundId}/assessments/{side}',
      access: 'coaching-data',
      summary:
        "One side's assessment: your own (even a draft) always; the other side's only once both submitted",
      tags,
      request: { params: sideParams },
      response: Assessment,
    }),
    async (c) => c.json(await readAssessment({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/rounds/{roundId}/assessments/{side}',
      access: 'coaching-data',
      summary:
        'Autosave your draft: only the scores, notes and Next Bigger Challenge sent change; null clears one',
      tags,
      request: { params: sideParams, ...jsonBody(AssessmentDraftInput) },
      response: Assessment,
    }),
    async (c) =>
      c.json(
        await saveDraft({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          draft: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/rounds/{roundId}/assessments/{side}/submit',
      access: 'coaching-data',
      summary:
        'Submit your assessment (every statement scored; the coach names a Next Bigger Challenge). Reveals the round when both sides are in',
      tags,
      request: { params: sideParams, ...jsonBody(AssessmentDraftInput) },
      response: Assessment,
    }),
    async (c) =>
      c.json(
        await submitAssessment({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          draft: c.req.valid('json'),
        }),
        200,
      ),
  );
}
