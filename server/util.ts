import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** The current time as the ISO-8601 UTC text every table stores. */
export const nowIso = (date = new Date()) => date.toISOString();

export const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export const newId = () => randomUUID();

/** A random URL-safe secret (256 bits) for session tokens, CSRF tokens and invitation links. */
export const newToken = () => randomBytes(32).toString('base64url');

/** Tokens are stored hashed, so a database leak does not hand out live sessions or invitations. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * People's words on one line of a mail, a calendar or a header: control characters (CR/LF above
 * all) become spaces. Names are refused with them at the edge (issue 19, row 15); this covers
 * names stored before that.
 */
export const oneLine = (s: string) => s.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
