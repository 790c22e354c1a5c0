import {
  createFramework,
  ensureDefaultFramework,
} from '../../../server/features/define-good/frameworks/frameworks.js';
import { loadVersion } from '../../../server/features/define-good/frameworks/framework-versions.js';
import { pmwheel } from '../../../server/features/define-good/frameworks/pmwheel.js';
import { insertRound } from '../../../server/features/people/demo/seed-round.js';
import { addMs, hashToken, newId, newToken, nowIso } from '../../../server/util.js';
import type { TestApp } from '../../support/test-app.js';
import type { Relation, World } from '../../support/world.js';
import { everyone, signedIn, workspaceMembers, type MatrixRow } from './types.js';

interface WheelWorld {
  frameworkId: string;
  ownFrameworkId: string;
  roundId: string;
  openRoundId: string;
  peerId: string;
  peerToken: string;
}

const all = Object.fromEntries(pmwheel.areas.flatMap((a) => a.statements.map((s) => [s.key, 6])));
const worlds = new WeakMap<World, Promise<WheelWorld>>();

/** The wheel's part of a world, seeded on first use: a revealed round, an open round with a peer link, a coach's own framework. */
function wheelOf(w: World, app: TestApp): Promise<WheelWorld> {
  let built = worlds.get(w);
  if (!built) {
    built = seedWheel(w, app);
    worlds.set(w, built);
  }
  return built;
}

async function seedWheel(w: World, app: TestApp): Promise<WheelWorld> {
  const { db } = app.deps;
  const frameworkId = await ensureDefaultFramework(db, w.workspaceId);
  const coach = {
    id: w.people.coach.id,
    workspaceId: w.workspaceId,
    name: 'Coach',
    email: w.people.coach.email,
    isAdmin: false,
  };
  const own = await createFramework({
    db,
    actor: coach,
    content: { ...pmwheel, name: 'Coach copy' },
    asTemplate: false,
  });
  const version = await loadVersion(db, own.current.versionId);
  const base = { workspaceId: w.workspaceId, pmId: w.pm.id, coachId: coach.id, version };
  const roundId = await insertRound(db, {
    ...base,
    title: 'Revealed',
    createdAt: nowIso(),
    self: { scores: all, submitted: true },
    coach: { scores: all, nextBiggerChallenge: 'Lead planning', submitted: true },
  });
  const openRoundId = await insertRound(db, {
    ...base,
    title: 'Open',
    createdAt: addMs(nowIso(), 1),
    self: { scores: { 'team.1': 5 }, submitted: false },
    coach: { scores: {}, submitted: false },
  });
  const peerToken = newToken();
  const peerId = newId();
  await db
    .insertInto('peer_invitations')
    .values({
      id: peerId,
      round_id: openRoundId,
      name: 'A peer',
      token_hash: hashToken(peerToken),
      created_at: nowIso(),
      expires_at: addMs(nowIso(), 86_400_000),
      submitted_at: null,
      revoked_at: null,
    })
    .execute();
  return { frameworkId, ownFrameworkId: own.id, roundId, openRoundId, peerId, peerToken };
}

const pmOnly: readonly Relation[] = ['self'];
const pmAndCoach: readonly Relation[] = ['self', 'coach'];
const side = (r: Relation) => (r === 'coach' ? 'coach' : 'self');
const input = {
  name: 'Imported',
  areas: [{ name: 'Team', statements: [{ text: 'Is good at sharing context' }] }],
};

/** The wheel's routes (issue 3). Frameworks are workspace-visible; everything about a PM is coaching data. */
export const wheelRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/frameworks',
    allowed: signedIn,
    request: async (w, _r, app) => (await wheelOf(w, app), { path: '/api/frameworks' }),
    sees: {
      relations: workspaceMembers,
      find: (body: { name: string }[]) => body.some((f) => f.name === 'Coach copy'),
    },
  },
  {
    method: 'GET',
    path: '/api/frameworks/{id}',
    allowed: workspaceMembers,
    request: async (w, _r, app) => ({ path: `/api/frameworks/${(await wheelOf(w, app)).ownFrameworkId}` }),
  },
  {
    method: 'GET',
    path: '/api/frameworks/{id}/versions',
    allowed: workspaceMembers,
    request: async (w, _r, app) => ({
      path: `/api/frameworks/${(await wheelOf(w, app)).ownFrameworkId}/versions`,
    }),
  },
  {
    method: 'GET',
    path: '/api/frameworks/{id}/versions/{version}',
    allowed: workspaceMembers,
    request: async (w, _r, app) => ({
      path: `/api/frameworks/${(await wheelOf(w, app)).ownFrameworkId}/versions/1`,
    }),
  },
  {
    method: 'GET',
    path: '/api/frameworks/{id}/export',
    allowed: workspaceMembers,
    request: async (w, _r, app) => ({
      path: `/api/frameworks/${(await wheelOf(w, app)).ownFrameworkId}/export`,
    }),
  },
  {
    method: 'POST',
    path: '/api/frameworks/{id}/copy',
    allowed: workspaceMembers,
    request: async (w, _r, app) => ({
      path: `/api/frameworks/${(await wheelOf(w, app)).frameworkId}/copy`,
      body: {},
    }),
  },
  {
    method: 'PUT',
    path: '/api/frameworks/{id}',
    allowed: ['coach'],
    request: async (w, _r, app) => ({
      path: `/api/frameworks/${(await wheelOf(w, app)).ownFrameworkId}`,
      body: input,
    }),
  },
  {
    method: 'DELETE',
    path: '/api/frameworks/{id}',
    allowed: ['coach'],
    request: async (w, _r, app) => ({ path: `/api/frameworks/${(await wheelOf(w, app)).ownFrameworkId}` }),
  },
  {
    method: 'POST',
    path: '/api/frameworks/import',
    allowed: signedIn,
    request: () => ({
      path: '/api/frameworks/import',
      body: { ...input, format: 'wheelhouse-framework', formatVersion: 1 },
    }),
  },

  {
    method: 'GET',
    path: '/api/pms/{pmId}/rounds',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => (await wheelOf(w, app), { path: `/api/pms/${w.pm.id}/rounds` }),
  },
  {
    method: 'POST',
    path: '/api/pms/{pmId}/rounds',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => {
      // One open round at a time: close the world's open one so opening can succeed.
      const { openRoundId } = await wheelOf(w, app);
      await app.deps.db
        .updateTable('assessment_rounds')
        .set({ revealed_at: nowIso() })
        .where('id', '=', openRoundId)
        .execute();
      return { path: `/api/pms/${w.pm.id}/rounds`, body: {} };
    },
  },
  {
    method: 'GET',
    path: '/api/rounds/{roundId}',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => ({ path: `/api/rounds/${(await wheelOf(w, app)).roundId}` }),
  },
  {
    method: 'GET',
    path: '/api/rounds/{roundId}/assessments/{side}',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `/api/rounds/${(await wheelOf(w, app)).roundId}/assessments/self`,
    }),
  },
  {
    method: 'PUT',
    path: '/api/rounds/{roundId}/assessments/{side}',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, r, app) => ({
      path: `/api/rounds/${(await wheelOf(w, app)).openRoundId}/assessments/${side(r)}`,
      body: { scores: { 'team.2': 7 } },
    }),
  },
  {
    method: 'POST',
    path: '/api/rounds/{roundId}/assessments/{side}/submit',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, r, app) => ({
      path: `/api/rounds/${(await wheelOf(w, app)).openRoundId}/assessments/${side(r)}/submit`,
      body: { scores: all, nextBiggerChallenge: 'Lead planning' },
    }),
  },
  {
    method: 'GET',
    path: '/api/rounds/{roundId}/comparison',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => ({ path: `/api/rounds/${(await wheelOf(w, app)).roundId}/comparison` }),
  },
  {
    method: 'GET',
    path: '/api/rounds/{roundId}/view',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => ({ path: `/api/rounds/${(await wheelOf(w, app)).roundId}/view` }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/history',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => (await wheelOf(w, app), { path: `/api/pms/${w.pm.id}/history` }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/dips',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => (await wheelOf(w, app), { path: `/api/pms/${w.pm.id}/dips` }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/wheel/export',
    allowed: pmAndCoach,
    coachingData: true,
    request: async (w, _r, app) => (await wheelOf(w, app), { path: `/api/pms/${w.pm.id}/wheel/export` }),
  },

  {
    method: 'GET',
    path: '/api/rounds/{roundId}/peers',
    allowed: pmOnly,
    coachingData: true,
    request: async (w, _r, app) => ({ path: `/api/rounds/${(await wheelOf(w, app)).openRoundId}/peers` }),
  },
  {
    method: 'POST',
    path: '/api/rounds/{roundId}/peers',
    allowed: pmOnly,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `/api/rounds/${(await wheelOf(w, app)).openRoundId}/peers`,
      body: { name: 'Sam' },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/rounds/{roundId}/peers/{peerId}',
    allowed: pmOnly,
    coachingData: true,
    request: async (w, _r, app) => {
      const { openRoundId, peerId } = await wheelOf(w, app);
      return { path: `/api/rounds/${openRoundId}/peers/${peerId}` };
    },
  },
  {
    method: 'PUT',
    path: '/api/rounds/{roundId}/peer-sharing',
    allowed: pmOnly,
    coachingData: true,
    request: async (w, _r, app) => ({
      path: `/api/rounds/${(await wheelOf(w, app)).roundId}/peer-sharing`,
      body: { shared: true },
    }),
  },
  // A peer link is the permission: whoever holds it may answer once, signed in or not.
  {
    method: 'GET',
    path: '/api/peer-reviews/{token}',
    allowed: everyone,
    request: async (w, _r, app) => ({ path: `/api/peer-reviews/${(await wheelOf(w, app)).peerToken}` }),
  },
  {
    method: 'POST',
    path: '/api/peer-reviews/{token}',
    allowed: everyone,
    request: async (w, _r, app) => ({
      path: `/api/peer-reviews/${(await wheelOf(w, app)).peerToken}`,
      body: { scores: all },
    }),
  },

  // The matrix's installation is set up, so only admins may start the demo.
  {
    method: 'POST',
    path: '/api/demo',
    allowed: ['admin', 'outsider'],
    request: () => ({ path: '/api/demo' }),
  },
  {
    method: 'DELETE',
    path: '/api/demo',
    allowed: ['admin', 'outsider'],
    request: () => ({ path: '/api/demo' }),
  },
];
