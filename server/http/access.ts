import type { MiddlewareHandler } from 'hono';
import type { AppEnv, SignedInEnv } from './env.js';
import { AppError, notFound } from './errors.js';

/**
 * Who may reach a route at all, declared once per route (jsonRoute's `access`):
 * - `public`: anyone; the handler sees `actor` as the signed-in person or null.
 * - `signed-in`: members only; signed out is 401 "Please sign in first".
 * - `coaching-data`: a PM's coaching data; signed out is refused like everyone outside the pair,
 *   with a 404 (privacy/rules.ts decides the rest).
 * In the last two the handler's `actor` is typed non-null, so domain functions always get one.
 */
export type Access = 'public' | 'signed-in' | 'coaching-data';

const signedIn: MiddlewareHandler<AppEnv & SignedInEnv> = async (c, next) => {
  if (!c.get('actor')) throw new AppError('unauthenticated', 'Please sign in first.');
  await next();
};

const coachingData: MiddlewareHandler<AppEnv & SignedInEnv> = async (c, next) => {
  if (!c.get('actor')) throw notFound();
  await next();
};

export const accessMiddleware = { 'signed-in': signedIn, 'coaching-data': coachingData } as const;
