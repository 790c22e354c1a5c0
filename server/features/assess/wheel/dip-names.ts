import type { Dip } from '../../../../common/wheel-rounds.js';
import type { Db } from '../../../db/database.js';
import { namesOfVersion } from '../../define-good/frameworks/current-names.js';

/**
 * Dips name their area as the framework names it now (decision 062): a dip is a topic for the
 * next conversation, so it speaks today's words, while the round's own page keeps the words it
 * was answered in. Takes several PMs' dips at once (the home digest): one query for rounds and
 * one for self-checks, whatever their number (framework versions are cached).
 */
export async function withCurrentAreaNames(db: Db, lists: readonly Dip[][]): Promise<Dip[][]> {
  const all = lists.flat();
  const roundIds = [...new Set(all.flatMap((d) => (d.roundId ? [d.roundId] : [])))];
  const checkIds = [...new Set(all.flatMap((d) => (d.selfCheckId ? [d.selfCheckId] : [])))];
  // source id → the current version of the framework it was answered in
  const current = new Map<string, string>();
  const add = (rows: { id: string; current: string | null; answered: string }[]) => {
    for (const r of rows) current.set(r.id, r.current ?? r.answered);
  };
  if (roundIds.length)
    add(
      await db
        .selectFrom('assessment_rounds as s')
        .innerJoin('framework_versions as v', 'v.id', 's.framework_version_id')
        .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
        .select(['s.id', 'f.current_version_id as current', 's.framework_version_id as answered'])
        .where('s.id', 'in', roundIds)
        .execute(),
    );
  if (checkIds.length)
    add(
      await db
        .selectFrom('self_checks as s')
        .innerJoin('framework_versions as v', 'v.id', 's.framework_version_id')
        .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
        .select(['s.id', 'f.current_version_id as current', 's.framework_version_id as answered'])
        .where('s.id', 'in', checkIds)
        .execute(),
    );
  const names = new Map<string, Map<string, string>>();
  for (const id of new Set(current.values())) names.set(id, await namesOfVersion(db, id));
  const rename = (d: Dip): Dip => {
    const version = current.get(d.selfCheckId ?? d.roundId ?? '');
    const name = version ? names.get(version)?.get(d.areaKey) : undefined;
    return name && name !== d.areaName ? { ...d, areaName: name } : d;
  };
  return lists.map((l) => l.map(rename));
}
