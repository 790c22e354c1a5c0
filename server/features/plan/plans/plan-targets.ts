import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { ensureDefaultFramework } from '../../define-good/frameworks/frameworks.js';
import { loadVersion, type LoadedVersion } from '../../define-good/frameworks/framework-versions.js';

export interface StoredTarget {
  kind: 'area' | 'trait';
  key: string;
  name: string;
}

/**
 * The framework a PM's plan, pulses and journal speak of: the CURRENT version of the framework of
 * their latest wheel round (so a renamed area reads its new name: decision 062), or the workspace
 * default before any round. Call outside a transaction (it may create the default).
 */
export async function pmFramework(db: Db, pmId: string): Promise<LoadedVersion> {
  const round = await db
    .selectFrom('assessment_rounds as r')
    .innerJoin('framework_versions as v', 'v.id', 'r.framework_version_id')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select(['r.framework_version_id', 'f.current_version_id'])
    .where('r.pm_id', '=', pmId)
    .orderBy('r.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (round) return loadVersion(db, round.current_version_id ?? round.framework_version_id);
  const pm = await db
    .selectFrom('users')
    .select('workspace_id')
    .where('id', '=', pmId)
    .executeTakeFirstOrThrow();
  const frameworkId = await ensureDefaultFramework(db, pm.workspace_id);
  const framework = await db
    .selectFrom('frameworks')
    .select('current_version_id')
    .where('id', '=', frameworkId)
    .executeTakeFirstOrThrow();
  return loadVersion(db, framework.current_version_id!);
}

/** Checks area and trait keys against the framework and names them; unknown keys are a 400. */
export function resolveTargets(
  framework: LoadedVersion,
  areas: readonly string[],
  traits: readonly string[],
  field = '',
): StoredTarget[] {
  const { content } = framework;
  const pick = (kind: 'area' | 'trait', keys: readonly string[], known: { key: string; name: string }[]) =>
    [...new Set(keys)].map((key) => {
      const found = known.find((k) => k.key === key);
      if (!found) {
        const choices = known.map((k) => k.key).join(', ');
        throw new AppError(
          'validation_failed',
          `${field}${kind}s: “${key}” is not ${kind === 'area' ? 'an area' : 'a trait'} of ${content.name} (choose from ${choices})`,
        );
      }
      return { kind, key, name: found.name };
    });
  return [...pick('area', areas, content.areas), ...pick('trait', traits, content.traits)];
}

/** Resolves keys against the PM's framework in one call. */
export async function targetsFor(
  db: Db,
  pmId: string,
  areas: readonly string[],
  traits: readonly string[],
  field = '',
) {
  if (!areas.length && !traits.length) return [];
  return resolveTargets(await pmFramework(db, pmId), areas, traits, field);
}
