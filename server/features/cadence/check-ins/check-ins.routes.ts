import {
  CheckIn,
  CheckInBoard,
  CheckInInput,
  Pulse,
  PulseAnswer,
  PulseBoard,
  PulseInput,
} from '../../../../common/check-ins.js';
import { Id, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute, Ok } from '../../../http/routes.js';
import { checkInBoard, createCheckIn, deleteCheckIn } from './check-ins.js';
import { answerPulse, createPulse, pulseBoard } from './pulses.js';

const tags = ['Check-ins and pulses'];

/** Emotion check-ins and pulses: the PM says how they feel; the PM and current coaches read what is shared. */
export function registerCheckInRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/check-ins',
      access: 'coaching-data',
      summary:
        "The check-in page in one read: the emotion list by group, the current plan's themes, the latest check-ins (a private one for the PM only)",
      tags,
      request: { params: PmParams },
      response: CheckInBoard,
    }),
    async (c) =>
      c.json(await checkInBoard({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/check-ins',
      access: 'coaching-data',
      summary:
        'The PM checks in: one to three emotions, what about (a plan theme by lineage, a project, or in general), why; private: for the PM only',
      tags,
      request: { params: PmParams, ...jsonBody(CheckInInput) },
      response: CheckIn,
    }),
    async (c) =>
      c.json(
        await createCheckIn({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          checkIn: c.req.valid('json'),
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/pms/{pmId}/check-ins/{checkInId}',
      access: 'coaching-data',
      summary: 'The PM deletes one of their check-ins',
      tags,
      request: { params: PmParams.extend({ checkInId: Id }) },
      response: Ok,
    }),
    async (c) => c.json(await deleteCheckIn({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/pulses',
      access: 'coaching-data',
      summary: "The areas and statements of the PM's framework, each area with its latest pulses",
      tags,
      request: { params: PmParams },
      response: PulseBoard,
    }),
    async (c) =>
      c.json(await pulseBoard({ db, actor: c.get('actor'), pmId: c.req.valid('param').pmId }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/pulses',
      access: 'coaching-data',
      summary:
        "The PM's one-tap 1–10 on an area or statement of their framework (key), with an optional line",
      tags,
      request: { params: PmParams, ...jsonBody(PulseInput) },
      response: Pulse,
    }),
    async (c) =>
      c.json(
        await createPulse({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          pulse: c.req.valid('json'),
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/pms/{pmId}/pulses/{pulseId}',
      access: 'coaching-data',
      summary: 'The PM answers "what would make it one point higher?" after a pulse',
      tags,
      request: { params: PmParams.extend({ pulseId: Id }), ...jsonBody(PulseAnswer) },
      response: Pulse,
    }),
    async (c) =>
      c.json(
        await answerPulse({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          higher: c.req.valid('json').higher,
        }),
        200,
      ),
  );
}
