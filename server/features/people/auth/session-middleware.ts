import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { AppError } from '../../../http/errors.js';
import type { AppEnv, Deps } from '../../../http/env.js';
import { newToken } from '../../../util.js';
import { findSession } from './sessions.js';

/**
 * The session and the anonymous CSRF cookie. Over https they carry the `__Host-` prefix, so the
 * browser refuses any such cookie set by a subdomain or over plain http (cookie tossing).
 */
const cookieName = (base: 'wh_session' | 'wh_csrf' | 'wh_device', secure: boolean) =>
  secure ? `__Host-${base}` : base;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Loads the session from its cookie and sets `actor` (null when signed out). */
export const loadSession =
  (deps: Deps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set('clientAddress', clientAddress(c, deps.config.proxyHops));
    const secure = deps.config.secureCookies;
    const token = getCookie(c, cookieName('wh_session', secure));
    const found = token ? await findSession(deps.db, token, SAFE_METHODS.has(c.req.method)) : null;
    if (token && !found) clearSessionCookie(c, secure);
    const session = found && crossOriginRead(c, found.csrfToken) ? null : found;
    c.set('session', session);
    c.set('actor', session?.actor ?? null);
    await next();
  };

/**
 * A read the browser says another origin started (Sec-Fetch-Site same-site or cross-site: an
 * <img>, a no-cors fetch, a link from a page on another port or site) and without the CSRF
 * header only our own pages can send. Such a read is answered as to someone signed out, so it
 * shows nothing and writes no access-log entry for the PM (issue 19, row 13); the cookie stays.
 * Our pages' reads are same-origin; a typed address is "none"; clients that send no Fetch
 * Metadata (calendar apps, scripts, older browsers) are not told apart by it.
 */
function crossOriginRead(c: Context<AppEnv>, csrfToken: string): boolean {
  if (!SAFE_METHODS.has(c.req.method)) return false;
  const site = c.req.header('sec-fetch-site');
  if (site !== 'same-site' && site !== 'cross-site') return false;
  const sent = c.req.header('x-csrf-token');
  return !(sent && sameSecret(sent, csrfToken));
}

/**
 * Every state-changing request carries X-CSRF-Token: the session's token when signed in, or the
 * anonymous double-submit cookie's value before sign-in (sign-in, first run, accepting an invite).
 */
export const requireCsrf =
  (deps: Deps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin && origin !== deps.config.publicUrl) {
      throw new AppError('csrf_failed', 'This request came from another site and was refused.');
    }
    const sent = c.req.header('x-csrf-token');
    const session = c.get('session');
    const expected = session
      ? session.csrfToken
      : getCookie(c, cookieName('wh_csrf', deps.config.secureCookies));
    if (!sent || !expected || !sameSecret(sent, expected)) {
      throw new AppError('csrf_failed', 'Your page is out of date. Reload it and try again.');
    }
    await next();
  };

/** Compares two secrets in constant time, so the answer's timing tells nothing about the token. */
function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The anonymous CSRF token, created on first visit. */
export function anonymousCsrfToken(c: Context<AppEnv>, secure: boolean): string {
  const name = cookieName('wh_csrf', secure);
  const existing = getCookie(c, name);
  if (existing) return existing;
  const token = newToken();
  setCookie(c, name, token, { path: '/', httpOnly: true, sameSite: 'Strict', secure });
  return token;
}

/**
 * This browser's device cookie (decision 050): a random token, set at the first sign-in and kept
 * for a year, that lets the owner's own browser past the account-wide sign-in limit from any
 * address. `create` sets one when the browser has none.
 */
export function deviceToken(c: Context, secure: boolean, create: boolean): string | undefined {
  const name = cookieName('wh_device', secure);
  const existing = getCookie(c, name);
  if (existing || !create) return existing;
  const token = newToken();
  setCookie(c, name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    maxAge: 365 * 24 * 60 * 60,
  });
  return token;
}

export function setSessionCookie(c: Context, token: string, secure: boolean) {
  setCookie(c, cookieName('wh_session', secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    maxAge: 30 * 24 * 60 * 60,
  });
}

export const clearSessionCookie = (c: Context, secure: boolean) =>
  deleteCookie(c, cookieName('wh_session', secure), { path: '/', secure });

/**
 * The client's address. Behind `hops` trusted proxies, each appended the address it saw to
 * X-Forwarded-For, so the client's is `hops` entries from the right; anything further left was
 * written by the client and could be anything (a new value per try would escape every limit).
 */
function clientAddress(c: Context<AppEnv>, hops: number): string {
  if (hops > 0) {
    const entries = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const forwarded = entries.at(-Math.min(hops, entries.length));
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
