import type { TimelinePage } from '../../../../common/timeline.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import { mergePage, parseCursor, TIMELINE_PAGE } from './merge.js';
import { timelineSources, type TimelineSource } from './sources.js';

/**
 * One page of the PM's timeline, newest first: what every source shows the viewer, merged.
 * One access-log entry per page read.
 */
export async function timelinePage(input: {
  db: Db;
  actor: Actor;
  pmId: string;
  before?: string;
  sources?: TimelineSource[];
}): Promise<TimelinePage> {
  const { db } = input;
  const grant = await authorize({ ...input, action: 'timeline:read' });
  const cursor = parseCursor(input.before);
  const limit = TIMELINE_PAGE + 1;
  const candidates = await Promise.all(
    (input.sources ?? timelineSources).map((source) => source({ db, viewer: grant, cursor, limit })),
  );
  const page = mergePage(candidates, cursor, TIMELINE_PAGE);
  await recordAccess({ db, grant, resource: 'timeline' });
  return page;
}
