/**
 * The paths whose next segment is a secret a link carries (a calendar feed, an invitation, a
 * peer review; the API routes and the web pages they open): whoever reads the log must not be
 * able to use them.
 */
const secretSegment = [
  /^(\/calendar\/)[^/]+/,
  /^(\/api\/invitations\/by-token\/)[^/]+/,
  /^(\/api\/peer-reviews\/)[^/]+/,
  /^(\/invite\/)[^/]+/,
  /^(\/peer\/)[^/]+/,
];

/** A request path fit for the server log: a link's secret token never reaches it. */
export function loggedPath(path: string): string {
  const secret = secretSegment.find((pattern) => pattern.test(path));
  return secret ? path.replace(secret, '$1[token]') : path;
}
