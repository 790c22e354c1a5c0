/** A request path fit for the server log: a calendar feed's secret token never reaches it. */
export function loggedPath(path: string): string {
  return path.startsWith('/calendar/') ? '/calendar/[token]' : path;
}
