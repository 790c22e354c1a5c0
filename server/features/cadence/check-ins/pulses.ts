import type { Pulse, PulseBoard } from '../../../../common/check-ins.js';
import type { Db } from '../../../db/database.js';
import type { PulseTable } from '../../../db/schema.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visiblePulses } from '../../../privacy/visible-history.js';
import { newId } from '../../../util.js';
import type { LoadedVersion } from '../../define-good/frameworks/framework-versions.js';
import { pmFramework } from '../../plan/plans/plan-targets.js';

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
}

/** Pulses kept per area on the board: a small series, enough to see a trend. */
export const PULSES_PER_AREA = 12;

export const presentPulse = (row: PulseTable): Pulse => ({
  id: row.id,
  key: row.target_key,
  kind: row.target_kind as Pulse['kind'],
  name: row.target_name,
  score: row.score,
  higher: row.higher,
  createdAt: row.created_at,
});

/** An area or statement of the framework by key: its kind, name and area; null when unknown. */
export function pulseTarget(framework: LoadedVersion, key: string) {
  for (const area of framework.content.areas) {
    if (area.key === key) return { kind: 'area' as const, name: area.name, areaKey: area.key };
    const statement = area.statements.find((s) => s.key === key);
    if (statement) return { kind: 'statement' as const, name: statement.text, areaKey: area.key };
  }
  return null;
}

/** The areas of the PM's framework, each with its latest pulses (oldest first). */
export async function pulseBoard(input: Call): Promise<PulseBoard> {
  const { db, pmId } = input;
  const grant = await authorize({ ...input, action: 'pulse:read' });
  const framework = await pmFramework(db, pmId);
  const rows = await visiblePulses(db, grant)
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PULSES_PER_AREA * framework.content.areas.length)
    .execute();
  const board: PulseBoard = {
    framework: { versionId: framework.id, name: framework.content.name },
    areas: framework.content.areas.map((area) => ({
      key: area.key,
      name: area.name,
      statements: area.statements.map((s) => ({ key: s.key, text: s.text })),
      pulses: rows
        .filter((r) => r.area_key === area.key)
        .slice(0, PULSES_PER_AREA)
        .reverse()
        .map(presentPulse),
    })),
  };
  await recordAccess({ db, grant, resource: 'pulses' });
  return board;
}

/** The PM's one-tap 1–10 on an area or statement of their current framework. */
export async function createPulse(
  input: Call & { pulse: { key: string; score: number; higher: string }; now: Date },
): Promise<Pulse> {
  const { db, pmId, pulse, now } = input;
  const grant = await authorize({ ...input, action: 'pulse:write' });
  const framework = await pmFramework(db, pmId);
  const target = pulseTarget(framework, pulse.key);
  if (!target) throw new AppError('validation_failed', 'key: is not an area or statement of your framework');
  const row: PulseTable = {
    id: newId(),
    pm_id: pmId,
    framework_version_id: framework.id,
    target_kind: target.kind,
    target_key: pulse.key,
    area_key: target.areaKey,
    target_name: target.name,
    score: pulse.score,
    higher: pulse.higher,
    created_at: now.toISOString(),
  };
  await db.insertInto('pulses').values(row).execute();
  await recordAccess({ db, grant, resource: 'pulse' });
  return presentPulse(row);
}

/** The line after a pulse: what would make it one point higher (the PM, on their own pulse). */
export async function answerPulse(input: Call & { pulseId: string; higher: string }): Promise<Pulse> {
  const { db, pmId } = input;
  const grant = await authorize({ ...input, action: 'pulse:write' });
  const row = await db
    .selectFrom('pulses')
    .selectAll()
    .where('id', '=', input.pulseId)
    .where('pm_id', '=', pmId)
    .executeTakeFirst();
  if (!row) throw notFound();
  await db
    .updateTable('pulses')
    .set({ higher: input.higher })
    .where('id', '=', row.id)
    .where('pm_id', '=', pmId)
    .execute();
  await recordAccess({ db, grant, resource: 'pulse' });
  return presentPulse({ ...row, higher: input.higher });
}

/** The PM's pulses for the timeline, newest first (paged like checkInsVisibleTo). */
export async function pulsesOf(
  db: Db,
  viewer: Viewer,
  options: { limit: number; older?: { at: string; idBelow: string | boolean } },
): Promise<PulseTable[]> {
  let query = visiblePulses(db, viewer).selectAll();
  const older = options.older;
  if (older) {
    const { at, idBelow } = older;
    if (idBelow === true) query = query.where('created_at', '<=', at);
    else if (idBelow === false) query = query.where('created_at', '<', at);
    else
      query = query.where((eb) =>
        eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', idBelow)])]),
      );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}
