import { z } from '@hono/zod-openapi';
import {
  AgendaItemInput,
  AgendaItemPatch,
  AgendaOrderInput,
  CancelCoachingSessionInput,
  CoachingSession,
  CoachingSessionList,
  NextStepInput,
  NotesInput,
  PrivateNoteInput,
  RescheduleCoachingSessionInput,
  ScheduleCoachingSessionInput,
  ThemeColourInput,
} from '../../../../common/coaching-sessions.js';
import { Id, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import type { Actor } from '../../../privacy/actor.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import {
  addAgendaItem,
  addNextStep,
  cancelCoachingSession,
  endCoachingSession,
  getCoachingSession,
  listCoachingSessions,
  rescheduleCoachingSession,
  saveSharedNotes,
  savePrivateNote,
  scheduleCoachingSession,
  setAgendaItemDone,
  reorderAgenda,
  setThemeColour,
  startCoachingSession,
} from './coaching-sessions.js';

const tags = ['Coaching sessions'];
const SessionParams = z.object({ id: Id });

/**
 * Coaching sessions: the PM and the coach of each coaching session (404 for everyone else,
 * exactly like a missing one). Every change answers with the whole coaching session.
 */
export function registerCoachingSessionRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const call = (c: { get: (key: 'actor') => Actor }, id: string) => ({
    db,
    actor: c.get('actor'),
    coachingSessionId: id,
    now: deps.now(),
    config: deps.config,
  });

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/coaching-sessions',
      access: 'coaching-data',
      summary: 'The pair’s coaching sessions: upcoming, past, pitfall guards and colour history',
      tags,
      request: { params: PmParams },
      response: CoachingSessionList,
    }),
    async (c) =>
      c.json(
        await listCoachingSessions({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/coaching-sessions',
      access: 'coaching-data',
      summary: 'Schedule a coaching session (either side; a PM with several coaches names one)',
      tags,
      request: { params: PmParams, ...jsonBody(ScheduleCoachingSessionInput) },
      response: CoachingSession,
    }),
    async (c) =>
      c.json(
        await scheduleCoachingSession({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          schedule: c.req.valid('json'),
          now: deps.now(),
          config: deps.config,
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/coaching-sessions/{id}',
      access: 'coaching-data',
      summary: 'One coaching session with its agenda (prepared on first read), colours, notes and next steps',
      tags,
      request: { params: SessionParams },
      response: CoachingSession,
    }),
    async (c) => c.json(await getCoachingSession(call(c, c.req.valid('param').id)), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/coaching-sessions/{id}',
      access: 'coaching-data',
      summary: 'Reschedule a coaching session that has not started',
      tags,
      request: { params: SessionParams, ...jsonBody(RescheduleCoachingSessionInput) },
      response: CoachingSession,
    }),
    async (c) =>
      c.json(
        await rescheduleCoachingSession({ ...call(c, c.req.valid('param').id), patch: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/coaching-sessions/{id}/cancel',
      access: 'coaching-data',
      summary:
        'Cancel a coaching session that has not started (it stays, marked cancelled; the other person is told), or it and the rest of its series',
      tags,
      request: {
        params: SessionParams,
        body: { content: { 'application/json': { schema: CancelCoachingSessionInput } }, required: false },
      },
      response: CoachingSession,
    }),
    async (c) =>
      c.json(
        await cancelCoachingSession({
          ...call(c, c.req.valid('param').id),
          cancel: (c.req.valid('json') as CancelCoachingSessionInput | undefined) ?? {},
        }),
        200,
      ),
  );

  for (const [verb, run, summary] of [
    ['start', startCoachingSession, 'Start the coaching session (prepares the agenda if not yet)'],
    ['end', endCoachingSession, 'End the coaching session and record what moved'],
  ] as const) {
    app.openapi(
      jsonRoute({
        method: 'post',
        path: `/api/coaching-sessions/{id}/${verb}`,
        access: 'coaching-data',
        summary,
        tags,
        request: { params: SessionParams },
        response: CoachingSession,
      }),
      async (c) => c.json(await run(call(c, c.req.valid('param').id)), 200),
    );
  }

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/coaching-sessions/{id}/agenda',
      access: 'coaching-data',
      summary: 'Add an item to the agenda (either side; it records who added it)',
      tags,
      request: { params: SessionParams, ...jsonBody(AgendaItemInput) },
      response: CoachingSession,
    }),
    async (c) =>
      c.json(
        await addAgendaItem({ ...call(c, c.req.valid('param').id), text: c.req.valid('json').text }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/coaching-sessions/{id}/agenda/order',
      access: 'coaching-data',
      summary: 'Put the agenda in a new order (every item once); the other person sees it at once',
      tags,
      request: { params: SessionParams, ...jsonBody(AgendaOrderInput) },
      response: CoachingSession,
    }),
    async (c) =>
      c.json(
        await reorderAgenda({ ...call(c, c.req.valid('param').id), itemIds: c.req.valid('json').itemIds }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/coaching-sessions/{id}/agenda/{itemId}',
      access: 'coaching-data',
      summary: 'Tick an agenda item off, or back',
      tags,
      request: { params: SessionParams.extend({ itemId: Id }), ...jsonBody(AgendaItemPatch) },
      response: CoachingSession,
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(await setAgendaItemDone({ ...call(c, id), itemId, done: c.req.valid('json').done }), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/coaching-sessions/{id}/colours/{themeId}',
      access: 'coaching-data',
      summary:
        'Red, amber or green for a theme with one line of why (the PM’s is the colour; a coach’s is their view)',
      tags,
      request: { params: SessionParams.extend({ themeId: Id }), ...jsonBody(ThemeColourInput) },
      response: CoachingSession,
    }),
    async (c) => {
      const { id, themeId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        await setThemeColour({ ...call(c, id), themeId, colour: body.colour, why: body.why ?? '' }),
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/coaching-sessions/{id}/notes',
      access: 'coaching-data',
      summary: 'The shared notes both sides see',
      tags,
      request: { params: SessionParams, ...jsonBody(NotesInput) },
      response: CoachingSession,
    }),
    async (c) =>
      c.json(
        await saveSharedNotes({ ...call(c, c.req.valid('param').id), body: c.req.valid('json').body }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/coaching-sessions/{id}/private-note',
      access: 'coaching-data',
      summary: 'The caller’s own private note: only its author ever sees it',
      tags,
      request: { params: SessionParams, ...jsonBody(PrivateNoteInput) },
      response: CoachingSession,
    }),
    async (c) =>
      c.json(await savePrivateNote({ ...call(c, c.req.valid('param').id), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/coaching-sessions/{id}/next-steps',
      access: 'coaching-data',
      summary: 'A next step on a theme: the PM’s becomes a plan action, a coach’s a plan suggestion',
      tags,
      request: { params: SessionParams, ...jsonBody(NextStepInput) },
      response: CoachingSession,
    }),
    async (c) =>
      c.json(await addNextStep({ ...call(c, c.req.valid('param').id), step: c.req.valid('json') }), 200),
  );
}
