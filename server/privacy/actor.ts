/** The signed-in person a request acts for. */
export interface Actor {
  id: string;
  workspaceId: string;
  name: string;
  email: string;
  isAdmin: boolean;
}
