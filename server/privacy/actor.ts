/** The signed-in person a request acts for. */
export interface Actor {
  id: string;
  workspaceId: string;
  name: string;
  email: string;
  isAdmin: boolean;
}

/** A signed-in browser session: the actor, and the token every write must echo (CSRF). */
export interface LiveSession {
  tokenHash: string;
  csrfToken: string;
  actor: Actor;
}
