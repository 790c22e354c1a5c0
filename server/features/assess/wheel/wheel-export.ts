import type { WheelExport } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may } from '../../../privacy/authorize.js';
import { nowIso } from '../../../util.js';
import { loadVersion, presentVersion } from '../../define-good/frameworks/framework-versions.js';
import { presentAssessment } from '../rounds/assessments.js';
import { roundsVisibleTo } from '../rounds/round-queries.js';
import { presentRounds } from '../rounds/rounds.js';
import { buildComparison } from './comparison.js';

/**
 * A PM's whole wheel as the viewer may see it, through the same rules as every other read:
 * a draft only to its author, the other side only once revealed, peer scores only if visible.
 */
export async function exportWheel(input: { db: Db; actor: Actor; pmId: string }): Promise<WheelExport> {
  const { db, actor, pmId } = input;
  const viewer = await authorize({ db, actor, pmId, action: 'wheel:export' });
  const rows = await roundsVisibleTo(db, viewer);
  const presented = await presentRounds(db, rows, viewer);
  const pm = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', '=', pmId)
    .executeTakeFirstOrThrow();
  const current = new Map(
    (
      await db
        .selectFrom('frameworks')
        .select(['id', 'current_version_number'])
        .where('workspace_id', '=', actor.workspaceId)
        .execute()
    ).map((f) => [f.id, f.current_version_number]),
  );
  const rounds = [];
  for (const [i, row] of rows.entries()) {
    const version = await loadVersion(db, row.framework_version_id);
    const sides = (['self', 'coach'] as const).filter((side) =>
      may(viewer, 'assessment:see', { round: row, side }),
    );
    rounds.push({
      round: presented[i]!,
      frameworkVersion: presentVersion(version, current.get(version.frameworkId) ?? -1),
      assessments: await Promise.all(sides.map((side) => presentAssessment(db, row, side))),
      comparison: row.revealed_at ? await buildComparison(db, row, viewer) : null,
    });
  }
  await recordAccess({ db, grant: viewer, resource: 'wheel export' });
  return { pm, exportedAt: nowIso(), rounds };
}
