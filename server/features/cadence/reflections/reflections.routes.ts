import {
  Journal,
  Reflection,
  ReflectionInput,
  ReflectionParams,
  ReflectionPatch,
  ReflectionQuery,
  ShareInput,
} from '../../../../common/reflections.js';
import { PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute, Ok } from '../../../http/routes.js';
import {
  createReflection,
  deleteReflection,
  readJournal,
  readReflection,
  shareReflection,
  updateReflection,
} from './reflections.js';

const tags = ['Reflections'];

/** Reflections: the PM's private journal and a coach's private notes, author-only unless the PM shares. */
export function registerReflectionRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/reflections',
      access: 'coaching-data',
      summary:
        "The journal in one read: the viewer's own entries (for a coach also the PM's shared reflections), optionally about one thing, and what an entry can be about",
      tags,
      request: { params: PmParams, query: ReflectionQuery },
      response: Journal,
    }),
    async (c) => {
      const { attachedKind, attachedId } = c.req.valid('query');
      return c.json(
        await readJournal({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          filter: { kind: attachedKind, id: attachedId },
        }),
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/reflections',
      access: 'coaching-data',
      summary:
        'Writes an entry: the PM a reflection in their journal, a coach a private note about their coaching of the PM (never shown to anyone else); private to its author',
      tags,
      request: { params: PmParams, ...jsonBody(ReflectionInput) },
      response: Reflection,
    }),
    async (c) =>
      c.json(
        await createReflection({
          db,
          actor: c.get('actor'),
          pmId: c.req.valid('param').pmId,
          reflection: c.req.valid('json'),
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/reflections/{reflectionId}',
      access: 'coaching-data',
      summary: 'One entry: its author, or a current coach once the PM shared it',
      tags,
      request: { params: ReflectionParams },
      response: Reflection,
    }),
    async (c) => c.json(await readReflection({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/pms/{pmId}/reflections/{reflectionId}',
      access: 'coaching-data',
      summary: 'Its author edits the words or what it is about',
      tags,
      request: { params: ReflectionParams, ...jsonBody(ReflectionPatch) },
      response: Reflection,
    }),
    async (c) =>
      c.json(
        await updateReflection({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          patch: c.req.valid('json'),
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/pms/{pmId}/reflections/{reflectionId}',
      access: 'coaching-data',
      summary: 'Its author deletes an entry',
      tags,
      request: { params: ReflectionParams },
      response: Ok,
    }),
    async (c) => c.json(await deleteReflection({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/pms/{pmId}/reflections/{reflectionId}/share',
      access: 'coaching-data',
      summary:
        'The PM shares a reflection with their current coach ({shared: true}) or makes it private again',
      tags,
      request: { params: ReflectionParams, ...jsonBody(ShareInput) },
      response: Reflection,
    }),
    async (c) =>
      c.json(
        await shareReflection({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          shared: c.req.valid('json').shared,
          now: deps.now(),
        }),
        200,
      ),
  );
}
