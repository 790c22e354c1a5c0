import type { FrameworkContent, FrameworkVersion } from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import { newId, nowIso } from '../../../util.js';

export interface LoadedVersion {
  id: string;
  frameworkId: string;
  number: number;
  createdAt: string;
  content: FrameworkContent;
}

// Versions never change once written, so a parsed copy can be kept (bounded) in memory.
const cache = new Map<string, LoadedVersion>();
const CACHE_LIMIT = 500;

/** A framework version with its parsed content (cached; versions are immutable). */
export async function loadVersion(db: Db, versionId: string): Promise<LoadedVersion> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const row = await db
    .selectFrom('framework_versions')
    .select(['id', 'framework_id', 'number', 'created_at', 'content'])
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  const loaded = {
    id: row.id,
    frameworkId: row.framework_id,
    number: row.number,
    createdAt: row.created_at,
    content: JSON.parse(row.content) as FrameworkContent,
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(versionId, loaded);
  return loaded;
}

/** Writes a new, immutable version of a framework and makes it current. */
export async function addVersion(input: {
  db: Db;
  frameworkId: string;
  number: number;
  content: FrameworkContent;
  createdBy: string | null;
}) {
  const { db, frameworkId, number, content, createdBy } = input;
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('framework_versions')
    .values({
      id,
      framework_id: frameworkId,
      number,
      content: JSON.stringify(content),
      created_by: createdBy,
      created_at: now,
    })
    .execute();
  await db
    .updateTable('frameworks')
    .set({ current_version_id: id, current_version_number: number, name: content.name, updated_at: now })
    .where('id', '=', frameworkId)
    .execute();
  return id;
}

/** Presents a version with its content. */
export const presentVersion = (v: LoadedVersion, currentNumber: number): FrameworkVersion => ({
  ...v.content,
  frameworkId: v.frameworkId,
  versionId: v.id,
  version: v.number,
  isCurrent: v.number === currentNumber,
  createdAt: v.createdAt,
});
