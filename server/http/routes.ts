import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { ErrorResponse } from '../../common/schemas.js';
import { accessMiddleware, type Access } from './access.js';

const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorResponse } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorResponse } } },
  403: { description: 'Refused', content: { 'application/json': { schema: ErrorResponse } } },
  404: {
    description: 'Not found (or not yours to see)',
    content: { 'application/json': { schema: ErrorResponse } },
  },
  409: { description: 'Conflict', content: { 'application/json': { schema: ErrorResponse } } },
  429: { description: 'Too many attempts', content: { 'application/json': { schema: ErrorResponse } } },
} as const;

/**
 * Declares one JSON route: who may reach it (`access`, see access.ts), and its request schemas,
 * which validate input and, with the response schema, become the OpenAPI document, so the
 * document cannot drift from what the server checks.
 */
export function jsonRoute<
  M extends 'get' | 'post' | 'put' | 'patch' | 'delete',
  P extends string,
  Req extends RouteConfig['request'],
  Res extends z.ZodType,
  A extends Access,
>(input: { method: M; path: P; access: A; summary: string; tags: string[]; request?: Req; response: Res }) {
  const { method, path, access, summary, tags, request, response } = input;
  const byAccess: Record<Access, (typeof accessMiddleware)['signed-in'] | undefined> = {
    public: undefined,
    ...accessMiddleware,
  };
  const middleware = byAccess[access] as A extends 'public'
    ? undefined
    : (typeof accessMiddleware)['signed-in'];
  return createRoute({
    method,
    path,
    summary,
    tags,
    middleware,
    request: request as Req,
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: response } } },
      ...errorResponses,
    },
  });
}

/** A JSON request body schema for jsonRoute's `request`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');
