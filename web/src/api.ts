import type { SessionState } from '../../common/schemas';

/** An API error with the server's stable code and human message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** The rest of the error body, e.g. an edit_conflict's current text. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';

/** Remembers the CSRF token from GET /api/session (or a sign-in) for later writes. */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** Calls the JSON API; throws ApiError with the server's message on failure. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network', 'Could not reach Wheelhouse. Check your connection and try again.', 0);
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error;
    throw new ApiError(
      err?.code ?? 'internal',
      err?.message ?? 'Something went wrong. Please try again.',
      res.status,
      err && typeof err === 'object' ? err : {},
    );
  }
  if (data && typeof data === 'object' && 'csrfToken' in data) setCsrfToken((data as SessionState).csrfToken);
  return data as T;
}
