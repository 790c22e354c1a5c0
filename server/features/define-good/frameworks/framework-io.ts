import type { Framework, FrameworkFile } from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../privacy/actor.js';
import { assignKeys } from './framework-content.js';
import { createFramework, getFramework } from './frameworks.js';

/** A framework's current version as a JSON file (keys included, so a re-import keeps history lining up). */
export async function exportFramework(input: { db: Db; actor: Actor; id: string }): Promise<FrameworkFile> {
  const { current } = await getFramework({ ...input, action: 'framework:export' });
  return {
    format: 'wheelhouse-framework',
    formatVersion: 1,
    name: current.name,
    description: current.description,
    scale: current.scale,
    areas: current.areas,
    traits: current.traits,
  };
}

/** Creates a framework from a file that already passed FrameworkFile validation at the edge. */
export async function importFramework(input: {
  db: Db;
  actor: Actor;
  file: FrameworkFile;
  asTemplate: boolean;
}): Promise<Framework> {
  const { format: _f, formatVersion: _v, ...content } = input.file;
  return createFramework({
    db: input.db,
    actor: input.actor,
    content: assignKeys(content),
    asTemplate: input.asTemplate,
  });
}
