import type { Db } from '../../../db/database.js';
import { loadVersion } from './framework-versions.js';

/**
 * The names of a framework version's areas and traits by key. Decision 062: a rename ("Agile" →
 * "Ways of working") keeps the key, so whatever points at an area today looks its name up by key
 * in the CURRENT version of the framework the area came from; a key that version dropped has no
 * entry and the caller keeps the name it has. Versions are immutable and cached.
 */
export async function namesOfVersion(db: Db, versionId: string): Promise<Map<string, string>> {
  const { content } = await loadVersion(db, versionId);
  return new Map([...content.areas, ...content.traits].map((item) => [item.key, item.name]));
}
