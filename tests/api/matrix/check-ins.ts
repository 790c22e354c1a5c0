import { createCheckIn } from '../../../server/features/cadence/check-ins/check-ins.js';
import { createPulse } from '../../../server/features/cadence/check-ins/pulses.js';
import { pmFramework } from '../../../server/features/plan/plans/plan-targets.js';
import type { Actor } from '../../../server/privacy/actor.js';
import type { TestApp } from '../../support/test-app.js';
import type { World } from '../../support/world.js';
import type { MatrixRow } from './types.js';

/**
 * Issue 8: emotion check-ins, pulses and the timeline. Reads are the PM's and current coaches'
 * (404 for everyone else); a private check-in is the PM's alone. Writes are the PM's: the coach,
 * who sees them anyway, gets 403 with a reason (those rows are not `coachingData`;
 * check-ins.test.ts checks everyone else still gets exactly 404).
 */
const seeded = new WeakMap<
  World,
  Promise<{ sharedId: string; privateId: string; pulseId: string; areaKey: string }>
>();

/** A shared and a private check-in and a pulse by the PM (once per world). */
export function seedCheckIns(w: World, app: TestApp) {
  if (!seeded.has(w)) seeded.set(w, build(w, app));
  return seeded.get(w)!;
}

async function build(w: World, app: TestApp) {
  const { db } = app.deps;
  const actor: Actor = {
    id: w.pm.id,
    workspaceId: w.workspaceId,
    name: 'PM',
    email: w.pm.email,
    isAdmin: false,
  };
  const base = { db, actor, pmId: w.pm.id, now: new Date() };
  const about = { kind: 'general' as const };
  const shared = await createCheckIn({
    ...base,
    checkIn: { emotions: ['curious'], about, why: 'Shared with my coach', private: false },
  });
  const secret = await createCheckIn({
    ...base,
    checkIn: { emotions: ['drained'], about, why: 'Mine alone', private: true },
  });
  const areaKey = (await pmFramework(db, w.pm.id)).content.areas[0]!.key;
  const pulse = await createPulse({ ...base, pulse: { key: areaKey, score: 6, higher: '' } });
  return { sharedId: shared.id, privateId: secret.id, pulseId: pulse.id, areaKey };
}

const both = ['self', 'coach'] as const;
const pm = (w: World) => `/api/pms/${w.pm.id}`;

export const checkInRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/pms/{pmId}/check-ins',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seedCheckIns(w, app), { path: `${pm(w)}/check-ins` }),
    // The private check-in: the PM finds it, their coach does not.
    sees: {
      relations: ['self'],
      find: (body) => body.checkIns.some((c: { why: string }) => c.why === 'Mine alone'),
    },
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/check-ins',
    allowed: ['self'],
    request: (w) => ({ path: `${pm(w)}/check-ins`, body: { emotions: ['calm'], why: 'A good day' } }),
  },
  {
    method: 'DELETE',
    path: '/api/pms/{pmId}/check-ins/{checkInId}',
    allowed: ['self'],
    request: async (w, _r, app) => ({ path: `${pm(w)}/check-ins/${(await seedCheckIns(w, app)).sharedId}` }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/pulses',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seedCheckIns(w, app), { path: `${pm(w)}/pulses` }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/pulses',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/pulses`,
      body: { key: (await seedCheckIns(w, app)).areaKey, score: 7 },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/pms/{pmId}/pulses/{pulseId}',
    allowed: ['self'],
    request: async (w, _r, app) => ({
      path: `${pm(w)}/pulses/${(await seedCheckIns(w, app)).pulseId}`,
      body: { higher: 'More focus time' },
    }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/timeline',
    allowed: both,
    coachingData: true,
    request: async (w, _r, app) => (await seedCheckIns(w, app), { path: `${pm(w)}/timeline` }),
    sees: {
      relations: ['self'],
      find: (body) => body.items.some((i: { private: boolean }) => i.private),
    },
  },
];
