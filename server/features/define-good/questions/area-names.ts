import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../privacy/actor.js';
import { ensureDefaultFramework } from '../frameworks/frameworks.js';
import { loadVersion } from '../frameworks/framework-versions.js';
import { pmwheel } from '../frameworks/pmwheel.js';

/**
 * The area and trait names the bank's filters show, LOOKED UP in the framework the viewer works
 * with (the current version of the framework of their latest round, as PM or coach, else the
 * workspace default), so a rename ("Agile" → "Ways of working") reaches the filters. Questions are
 * tagged with PMwheel keys, which copies keep; a key the framework lacks keeps PMwheel's name.
 */
export async function bankAreaNames(db: Db, actor: Actor) {
  const round = await db
    .selectFrom('assessment_rounds')
    .innerJoin('framework_versions', 'framework_versions.id', 'assessment_rounds.framework_version_id')
    .select('framework_versions.framework_id')
    .where((eb) => eb.or([eb('pm_id', '=', actor.id), eb('coach_id', '=', actor.id)]))
    .orderBy('assessment_rounds.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const frameworkId = round?.framework_id ?? (await ensureDefaultFramework(db, actor.workspaceId));
  const framework = await db
    .selectFrom('frameworks')
    .select('current_version_id')
    .where('id', '=', frameworkId)
    .executeTakeFirst();
  const names = new Map<string, string>();
  if (framework?.current_version_id) {
    const { content } = await loadVersion(db, framework.current_version_id);
    for (const item of [...content.areas, ...content.traits]) names.set(item.key, item.name);
  }
  return [
    ...pmwheel.areas.map((a) => ({ key: a.key, name: names.get(a.key) ?? a.name, kind: 'area' as const })),
    ...pmwheel.traits.map((t) => ({ key: t.key, name: names.get(t.key) ?? t.name, kind: 'trait' as const })),
  ];
}
