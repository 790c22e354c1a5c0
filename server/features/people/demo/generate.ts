import type { Db } from '../../../db/database.js';
import { ensureDefaultFramework } from '../../define-good/frameworks/frameworks.js';
import { loadVersion, type LoadedVersion } from '../../define-good/frameworks/framework-versions.js';
import { newId } from '../../../util.js';
import {
  coachNotes,
  demoPms,
  dipNote,
  nextBiggerChallenges,
  pmChallenges,
  selfNotes,
} from './demo-content.js';
import { seededRandom } from './random.js';
import { insertRound } from './seed-round.js';
import { seedCheckIns } from './seed-check-ins.js';
import { seedCoachingSessions } from './seed-coaching-sessions.js';

export interface TeamSize {
  pms: number;
  /** Revealed rounds per PM. */
  rounds: number;
  monthsBetweenRounds: number;
}

const MONTH_MS = 30.44 * 24 * 3600 * 1000;

function roundTitle(at: Date, monthsBetween: number) {
  if (monthsBetween >= 3) return `Q${Math.floor(at.getUTCMonth() / 3) + 1} ${at.getUTCFullYear()}`;
  return at.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * Generates a coached team in an existing workspace: PMs paired with the coach and `rounds`
 * revealed rounds each on the workspace's default framework, ending now. The third PM dips in
 * "team" in the latest round; the second rates "get it done" well above the coach (a gap).
 * Seeded: the same size gives the same data. Used by the demo and the benchmark.
 */
export async function generateTeam(input: {
  db: Db;
  workspaceId: string;
  coachId: string;
  size: TeamSize;
  passwordHash: string;
  emailTag: string;
  seed?: number;
  now?: Date;
}) {
  const { db, workspaceId, coachId, size } = input;
  const random = seededRandom(input.seed ?? 7);
  const version = await loadVersion(
    db,
    (
      await db
        .selectFrom('frameworks')
        .select('current_version_id')
        .where('id', '=', await ensureDefaultFramework(db, workspaceId))
        .executeTakeFirstOrThrow()
    ).current_version_id!,
  );
  const end = (input.now ?? new Date()).getTime();
  const firstAt = end - (size.rounds - 1) * size.monthsBetweenRounds * MONTH_MS;
  const pmIds: string[] = [];
  for (let i = 0; i < size.pms; i++) {
    const profile = demoPms[i % demoPms.length]!;
    const suffix = i < demoPms.length ? '' : ` ${Math.floor(i / demoPms.length) + 1}`;
    const pmId = newId();
    const joined = new Date(firstAt - 14 * 24 * 3600 * 1000).toISOString();
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('users')
        .values({
          id: pmId,
          workspace_id: workspaceId,
          email: profile.email.replace('@', `+${input.emailTag}${i}@`),
          name: profile.name + suffix,
          password_hash: input.passwordHash,
          is_admin: 0,
          created_at: joined,
          password_changed_at: joined,
        })
        .execute();
      await tx
        .insertInto('pairs')
        .values({
          id: newId(),
          workspace_id: workspaceId,
          coach_id: coachId,
          pm_id: pmId,
          status: 'active',
          created_by: coachId,
          created_at: joined,
          accepted_at: joined,
          ended_at: null,
        })
        .execute();
      for (let r = 0; r < size.rounds; r++) {
        const at = new Date(firstAt + r * size.monthsBetweenRounds * MONTH_MS);
        const dipHere = 'dip' in profile && i < demoPms.length && r === size.rounds - 1 && r >= 2;
        await insertRound(tx, {
          workspaceId,
          pmId,
          coachId,
          version,
          title: roundTitle(at, size.monthsBetweenRounds),
          createdAt: at.toISOString(),
          ...sides(version, profile, r, dipHere, random),
        });
      }
      await seedCoachingSessions(tx, {
        pmId,
        coachId,
        from: firstAt,
        to: end,
        seed: 200 + i,
        growth: profile.growth,
        headline: profile.headline,
        stuckTheme: 'stuckTheme' in profile ? profile.stuckTheme : undefined,
      });
      await seedCheckIns(tx, {
        pmId,
        version,
        from: firstAt,
        to: end,
        seed: 100 + i,
        growth: profile.growth,
      });
    });
    pmIds.push(pmId);
  }
  return { pmIds };
}

type Profile = (typeof demoPms)[number];

/** Self and coach answers of one round: a slowly rising true level, each side's lens, some noise. */
function sides(
  version: LoadedVersion,
  profile: Profile,
  r: number,
  dipHere: boolean,
  random: ReturnType<typeof seededRandom>,
) {
  const { min, max } = version.content.scale;
  const clamp = (n: number) => Math.max(min, Math.min(max, Math.round(n)));
  const self: Record<string, number> = {};
  const coach: Record<string, number> = {};
  const notes: Record<string, string> = {};
  for (const [ai, area] of version.content.areas.entries()) {
    const level = profile.base + profile.growth * r + ((ai * 37) % 5) / 2 - 1;
    const bias = (profile.selfBias as Record<string, number>)[area.key] ?? 0;
    const dip = dipHere && area.key === 'team' ? -3.5 : 0;
    for (const s of area.statements) {
      coach[s.key] = clamp(level + random.noise() * 0.7);
      self[s.key] = clamp(level + bias + dip + random.noise() * 0.8);
    }
    if (random.next() < 0.35) notes[area.key] = random.pick(selfNotes[area.key] ?? ['']);
  }
  if (dipHere) notes.team = dipNote;
  const coachNoteKeys = Object.keys(coachNotes).filter(() => random.next() < 0.5);
  return {
    self: {
      scores: self,
      notes,
      nextBiggerChallenge: random.next() < 0.5 ? random.pick(pmChallenges) : null,
      submitted: true,
    },
    coach: {
      scores: coach,
      notes: Object.fromEntries(coachNoteKeys.map((k) => [k, coachNotes[k]!])),
      nextBiggerChallenge: random.pick(nextBiggerChallenges),
      submitted: true,
    },
  };
}
