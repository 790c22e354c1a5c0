import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from './errors.js';

/** Content security policy, no framing, no sniffing, no referrer (invitation links carry tokens). */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
  });

/** Request bodies above 1 MiB are refused before they are read in full. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const limitBodySize = (): MiddlewareHandler =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The unread rest of the body is dropped with the connection: say so, so a keep-alive
      // client opens a new one instead of failing its next request.
      c.header('Connection', 'close');
      throw new AppError('payload_too_large', 'That request is too large (the limit is 1 MiB).');
    },
  });

/**
 * Answers of the API are one person's data: never kept by a browser or proxy cache. And a
 * cross-site request (a link or form on another site, per the browser's Fetch Metadata) never
 * reaches the API at all, so no other site can make a coach's browser read a PM's data and
 * write that "read" into the PM's access log. Typed-in addresses and bookmarks (`none`) and the
 * app's own requests (`same-origin`, `same-site`) pass; old browsers send no header and rely on
 * the CSRF token for writes.
 */
export const apiHeaders = (): MiddlewareHandler => async (c, next) => {
  if (c.req.header('sec-fetch-site') === 'cross-site') {
    // Thrown here, the refusal skips the line after next(): it is kept by no cache either.
    c.header('Cache-Control', 'no-store');
    throw new AppError('forbidden', 'Requests from other sites are refused. Open Wheelhouse directly.');
  }
  await next();
  c.header('Cache-Control', 'no-store');
};
