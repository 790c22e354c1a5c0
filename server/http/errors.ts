/** Stable error codes and the one table that maps them to HTTP statuses. */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  edit_conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The one error type domain code throws; the HTTP edge turns it into {"error": {code, message}}. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { retryAfterSeconds?: number; current?: Record<string, string> } = {},
  ) {
    super(message);
  }

  get status() {
    return errorStatus[this.code];
  }
}

/**
 * A refusal that looks exactly like a missing thing, so it does not reveal existence. One body
 * for every missing or refused thing, whatever it is: a message naming the kind of thing
 * ("That coaching session was not found.") told a missing id from another person's (issue 19, row 6).
 */
export const notFound = () => new AppError('not_found', 'That was not found.');

/** The error body; an edit_conflict also carries the current text of the stale fields (decision 057). */
export const errorBody = (code: ErrorCode, message: string, current?: Record<string, string>) => ({
  error: current ? { code, message, current } : { code, message },
});
