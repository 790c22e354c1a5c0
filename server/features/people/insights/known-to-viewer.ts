import type { Db } from '../../../db/database.js';

/**
 * The people whose figures the viewer controls or already knows (decision 050): the viewer, the
 * PMs they coach or coached, and everyone who joined through their invitations, following the
 * invitations those PMs sent in turn and the pairs they coach (a sock puppet's own puppets).
 * Insights leave these people out of every figure the viewer sees, so k ≥ 5 counts only people
 * the viewer does not control: four puppets with chosen scores no longer make a median one real
 * PM's score. Members an admin invited are left out themselves but their PMs are not followed:
 * that would leave an admin who invited the coaches with no insights at all.
 */
export async function knownToViewer(db: Db, workspaceId: string, viewerId: string): Promise<Set<string>> {
  const invitations = await db
    .selectFrom('invitations')
    .select(['invited_by', 'accepted_by', 'kind'])
    .where('workspace_id', '=', workspaceId)
    .where('accepted_by', 'is not', null)
    .execute();
  const pairs = await db
    .selectFrom('pairs')
    .select(['coach_id', 'pm_id'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const known = new Set([viewerId]);
  // Whom the viewer controls through: the viewer, and PMs who joined by a chain of their invitations.
  for (let frontier = [viewerId]; frontier.length;) {
    const next: string[] = [];
    for (const i of invitations) {
      if (!frontier.includes(i.invited_by) || known.has(i.accepted_by!)) continue;
      known.add(i.accepted_by!);
      if (i.kind === 'pm') next.push(i.accepted_by!);
    }
    for (const p of pairs) {
      if (!frontier.includes(p.coach_id) || known.has(p.pm_id)) continue;
      known.add(p.pm_id);
      next.push(p.pm_id);
    }
    frontier = next;
  }
  return known;
}
