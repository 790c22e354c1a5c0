import { notFound } from '../../http/errors.js';
import type { Actor } from '../../privacy/actor.js';

/**
 * Who may do what with a framework. Frameworks hold no coaching data, so everyone in the
 * workspace may read and copy them; a coach edits their own copies; the workspace admin manages
 * the workspace templates (the default PMwheel among them). Other workspaces see nothing.
 */
export interface FrameworkOwnership {
  workspace_id: string;
  owner_id: string | null;
}

export const canReadFramework = (actor: Actor, f: FrameworkOwnership) => f.workspace_id === actor.workspaceId;

export const canEditFramework = (actor: Actor, f: FrameworkOwnership) =>
  canReadFramework(actor, f) && (f.owner_id === actor.id || (f.owner_id === null && actor.isAdmin));

/** Refuses as not found when the actor may not read the framework. */
export function assertCanRead(
  actor: Actor,
  f: FrameworkOwnership | undefined,
): asserts f is FrameworkOwnership {
  if (!f || !canReadFramework(actor, f)) throw notFound('That framework');
}
