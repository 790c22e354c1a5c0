import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Figure, Insights } from '../../common/insights.js';
import { createSession } from '../../server/features/people/auth/sessions.js';
import { insertRound } from '../../server/features/people/demo/seed-round.js';
import { loadVersion } from '../../server/features/define-good/frameworks/framework-versions.js';
import { ensureDefaultFramework } from '../../server/features/define-good/frameworks/frameworks.js';
import { newId } from '../../server/util.js';
import { Client } from '../support/client.js';
import { buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let clock = new Date('2026-06-15T12:00:00.000Z');
beforeEach(async () => {
  clock = new Date('2026-06-15T12:00:00.000Z');
  app = await startTestApp({ now: () => clock });
});
afterEach(async () => {
  await app.close();
});

const db = () => app.deps.db;
let admin: Person;
let workspaceId: string;
let n = 0;

/** A person straight in the database, signed in (argon2 for every PM of a team would be slow). */
async function person(name: string): Promise<Person> {
  const id = newId();
  const email = `p${++n}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await db()
    .insertInto('users')
    .values({
      id,
      workspace_id: workspaceId,
      email,
      name,
      password_hash: '!no-password',
      is_admin: 0,
      created_at: '2025-01-01T00:00:00.000Z',
      password_changed_at: '2025-01-01T00:00:00.000Z',
    })
    .execute();
  const session = await createSession(db(), id);
  return { id, email, name, client: new Client(app.url).useSession(session.token, session.csrfToken) };
}

async function setUp() {
  admin = await buildWorkspace(app);
  workspaceId = (
    await db().selectFrom('users').select('workspace_id').where('id', '=', admin.id).executeTakeFirstOrThrow()
  ).workspace_id;
}

/** `count` PMs coached by `coach` since January. */
async function team(coach: Person, count: number, tag = 'PM') {
  const pms: Person[] = [];
  for (let i = 0; i < count; i++) {
    const pm = await person(`${tag} ${i + 1} ${Math.random().toString(36).slice(2, 6)}`);
    await db()
      .insertInto('pairs')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        coach_id: coach.id,
        pm_id: pm.id,
        status: 'active',
        created_by: coach.id,
        created_at: '2026-01-01T00:00:00.000Z',
        accepted_at: '2026-01-02T00:00:00.000Z',
        ended_at: null,
      })
      .execute();
    pms.push(pm);
  }
  return pms;
}

async function heldSession(pm: Person, coach: Person, at: string) {
  await db()
    .insertInto('coaching_sessions')
    .values({
      id: newId(),
      pm_id: pm.id,
      coach_id: coach.id,
      kind: 'monthly',
      status: 'held',
      starts_at: at,
      local_start: at.slice(0, 16),
      time_zone: 'UTC',
      minutes: 60,
      created_by: coach.id,
      created_at: at,
      updated_at: at,
      agenda_prepared_at: null,
      action_statuses: null,
      started_at: at,
      ended_at: at,
      cancelled_at: null,
      shared_notes: '',
      colours_set: null,
      actions_moved: null,
      next_steps: null,
      sequence: 0,
    })
    .execute();
}

/** A revealed round with every statement at `score` (coach) and `score` too (self), revealed in May. */
async function revealedRound(
  pm: Person,
  coach: Person,
  score: number,
  createdAt = '2026-05-01T00:00:00.000Z',
) {
  const frameworkId = await ensureDefaultFramework(db(), workspaceId);
  const f = await db()
    .selectFrom('frameworks')
    .select('current_version_id')
    .where('id', '=', frameworkId)
    .executeTakeFirstOrThrow();
  const version = await loadVersion(db(), f.current_version_id!);
  const scores = Object.fromEntries(
    version.content.areas.flatMap((a) => a.statements.map((s) => [s.key, score])),
  );
  await insertRound(db(), {
    workspaceId,
    pmId: pm.id,
    coachId: coach.id,
    version,
    title: 'Spring',
    createdAt,
    self: { scores, submitted: true },
    coach: { scores, submitted: true },
  });
}

async function insights(viewer: Person, coach?: Person | string): Promise<Insights> {
  const id = typeof coach === 'string' ? coach : coach?.id;
  const res = await viewer.client.get(`/api/insights${id ? `?coach=${id}` : ''}`);
  expect(res.status, res.text).toBe(200);
  return res.body as Insights;
}
const cell = (body: Insights, metric: string, month: string): Figure =>
  body.counts.find((c) => c.metric === metric)!.cells[body.months.indexOf(month)]!;
const FEWER = { kind: 'fewer-than-5' };
const count = (value: number) => ({ kind: 'count', value });

describe('who may see the workspace insights', () => {
  it('an admin and a coach may; a PM is refused and a signed-out visitor asked to sign in', async () => {
    await setUp();
    const coach = await person('Casey Coach');
    const [pm] = await team(coach, 1);
    expect((await coach.client.get('/api/insights')).status).toBe(200);
    expect((await admin.client.get('/api/insights')).status).toBe(200);
    const refused = await pm!.client.get('/api/insights');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Workspace insights are for workspace admins and coaches.');
    expect(JSON.stringify(refused.body)).not.toMatch(/months|counts/);
    const visitor = new Client(app.url);
    await visitor.start();
    expect((await visitor.get('/api/insights')).status).toBe(401);
    // A coach group from elsewhere is a missing thing.
    expect((await admin.client.get(`/api/insights?coach=${newId()}`)).status).toBe(404);
    expect((await admin.client.get('/api/insights?coach=nobody')).status).toBe(400);
  });
});

describe('monthly counts over the whole workspace', () => {
  it('count pairs, held sessions, on-time refreshes and rounds per month; 1–4 PMs show “fewer than 5” with no number', async () => {
    await setUp();
    const coach = await person('Casey Coach');
    const pms = await team(coach, 6);
    for (const pm of pms) await heldSession(pm, coach, '2026-05-10T09:00:00.000Z');
    await heldSession(pms[0]!, coach, '2026-05-20T09:00:00.000Z');
    // June: one PM alone had a session: that must not show as 1.
    await heldSession(pms[0]!, coach, '2026-06-03T09:00:00.000Z');
    for (const pm of pms.slice(0, 5)) await revealedRound(pm, coach, 7);
    // Plans: five refreshed within 90 days of the version's start (April), one late (June).
    for (const [i, pm] of pms.entries()) {
      const late = i === 5;
      for (const [number, created] of [
        [1, late ? '2026-01-05T00:00:00.000Z' : '2026-02-01T00:00:00.000Z'],
        [2, late ? '2026-06-01T00:00:00.000Z' : '2026-04-15T00:00:00.000Z'],
      ] as const) {
        await db()
          .insertInto('plans')
          .values({
            id: newId(),
            pm_id: pm.id,
            number,
            headline: 'Grow',
            focus: '',
            period_start: created.slice(0, 10),
            period_end: '2026-12-31',
            created_at: created,
            updated_at: created,
            replaced_at: number === 1 ? created : null,
          })
          .execute();
      }
    }

    const body = await insights(admin);
    expect(body.months).toHaveLength(12);
    expect(body.months[0]).toBe('2025-07');
    expect(body.months.at(-1)).toBe('2026-06');
    expect(cell(body, 'activePairs', '2025-12')).toEqual(count(0));
    expect(cell(body, 'activePairs', '2026-01')).toEqual(count(6));
    expect(cell(body, 'activePairs', '2026-06')).toEqual(count(6));
    expect(cell(body, 'sessionsHeld', '2026-05')).toEqual(count(7));
    expect(cell(body, 'sessionsHeld', '2026-06')).toEqual(FEWER);
    expect(cell(body, 'roundsCompleted', '2026-05')).toEqual(count(5));
    expect(cell(body, 'plansRefreshedOnTime', '2026-04')).toEqual(count(5));
    expect(cell(body, 'plansRefreshedOnTime', '2026-06')).toEqual(count(0));
    // A hidden cell carries no number anywhere, and no figure names a person.
    expect(Object.keys(cell(body, 'sessionsHeld', '2026-06'))).toEqual(['kind']);
    const text = JSON.stringify(body);
    for (const pm of pms) {
      expect(text).not.toContain(pm.id);
      expect(text).not.toContain(pm.name);
    }
  });

  it('this month against last month, or a total: nothing to subtract (no running total, history stays hidden)', async () => {
    await setUp();
    const coach = await person('Casey Coach');
    const pms = await team(coach, 5);
    for (const pm of pms) await heldSession(pm, coach, '2026-05-10T09:00:00.000Z');
    await heldSession(pms[2]!, coach, '2026-06-02T09:00:00.000Z');
    const june = await insights(admin);
    expect(cell(june, 'sessionsHeld', '2026-05')).toEqual(count(5));
    expect(cell(june, 'sessionsHeld', '2026-06')).toEqual(FEWER);
    expect(Object.keys(june)).toEqual(['months', 'counts', 'frameworks', 'coaches', 'coach']);
    expect(Object.keys(june.counts[0]!)).toEqual(['metric', 'cells']);

    // A month later the lone June session is still hidden: it never turns into a number.
    clock = new Date('2026-07-20T12:00:00.000Z');
    const july = await insights(admin);
    expect(cell(july, 'sessionsHeld', '2026-05')).toEqual(count(5));
    expect(cell(july, 'sessionsHeld', '2026-06')).toEqual(FEWER);
    // When four more join in June, June shows them all (5 PMs): the lone one is among five.
    for (const pm of [pms[0]!, pms[1]!, pms[3]!, pms[4]!])
      await heldSession(pm, coach, '2026-06-25T09:00:00.000Z');
    expect(cell(await insights(admin), 'sessionsHeld', '2026-06')).toEqual(count(5));
  });
});

describe('nudges sent', () => {
  it('counts nudges sent through the API per month; four PMs nudged show “fewer than 5”, however many nudges', async () => {
    await setUp();
    const coach = await person('Casey Coach');
    const pms = await team(coach, 5);
    clock = new Date('2026-05-12T12:00:00.000Z');
    for (const pm of pms) {
      const res = await coach.client.post(`/api/pms/${pm.id}/nudges`, {
        text: 'How did the roadmap review go?',
      });
      expect(res.status).toBe(200);
    }
    // June: four PMs, two nudges each (a week apart): eight nudges, but about four people.
    for (const day of ['2026-06-02', '2026-06-10']) {
      clock = new Date(`${day}T12:00:00.000Z`);
      for (const pm of pms.slice(0, 4)) {
        const res = await coach.client.post(`/api/pms/${pm.id}/nudges`, {
          text: 'One small step this week?',
        });
        expect(res.status).toBe(200);
      }
    }
    clock = new Date('2026-06-15T12:00:00.000Z');
    const body = await insights(admin);
    expect(cell(body, 'nudgesSent', '2026-04')).toEqual(count(0));
    expect(cell(body, 'nudgesSent', '2026-05')).toEqual(count(5));
    expect(cell(body, 'nudgesSent', '2026-06')).toEqual(FEWER);
    expect(JSON.stringify(body)).not.toContain('roadmap review');
  });
});

describe('area spreads over at least five PMs who allow it', () => {
  it('five PMs show quartiles; when one opts out (five minus one) every area shows “fewer than 5”', async () => {
    await setUp();
    const coach = await person('Casey Coach');
    const pms = await team(coach, 5);
    for (const [i, pm] of pms.entries()) await revealedRound(pm, coach, 3 + i);
    const before = await insights(admin);
    expect(before.frameworks).toHaveLength(1);
    expect(before.frameworks[0]!.pms).toEqual(count(5));
    expect(before.frameworks[0]!.areas[0]!.spread).toEqual({ kind: 'spread', lower: 4, median: 5, upper: 6 });

    const pm = pms[4]!;
    expect((await pm.client.get('/api/insights/my-choice')).body).toEqual({ counted: true });
    expect((await pm.client.put('/api/insights/my-choice', { counted: false })).body).toEqual({
      counted: false,
    });
    expect((await pm.client.get('/api/insights/my-choice')).body).toEqual({ counted: false });

    const after = await insights(admin);
    expect(after.frameworks[0]!.pms).toEqual(FEWER);
    for (const area of after.frameworks[0]!.areas) expect(area.spread).toEqual(FEWER);
    expect(JSON.stringify(after.frameworks)).not.toMatch(/median|lower|upper|"value"/);
    // The counts are over the whole workspace: the choice does not change them (nothing to subtract).
    expect(after.counts).toEqual(before.counts);

    // Back in: shown again.
    await pm.client.put('/api/insights/my-choice', { counted: true });
    expect((await insights(admin)).frameworks[0]!.pms).toEqual(count(5));
  });

  it('all PMs against all-but-the-opted-out: the spread does not give away the one who left', async () => {
    await setUp();
    const coach = await person('Casey Coach');
    const pms = await team(coach, 6);
    // Five middling PMs and one far below them.
    for (const pm of pms.slice(0, 5)) await revealedRound(pm, coach, 7);
    await revealedRound(pms[5]!, coach, 1);
    const all = await insights(admin);
    await pms[5]!.client.put('/api/insights/my-choice', { counted: false });
    const rest = await insights(admin);
    expect(all.frameworks[0]!.pms).toEqual(count(6));
    expect(rest.frameworks[0]!.pms).toEqual(count(5));
    // Quartiles, not a histogram: the two views are the same, so their difference says nothing of the 1.
    expect(rest.frameworks[0]!.areas.map((a) => a.spread)).toEqual(
      all.frameworks[0]!.areas.map((a) => a.spread),
    );
    expect(JSON.stringify(all)).not.toMatch(/"(lower|median|upper)":1\b/);
  });

  it('spreads the latest revealed round only, and never a PM without one', async () => {
    await setUp();
    const coach = await person('Casey Coach');
    const pms = await team(coach, 5);
    for (const pm of pms) await revealedRound(pm, coach, 2, '2026-01-01T00:00:00.000Z');
    for (const pm of pms) await revealedRound(pm, coach, 8, '2026-04-01T00:00:00.000Z');
    await team(coach, 3, 'No round');
    const body = await insights(admin);
    expect(body.frameworks[0]!.pms).toEqual(count(5));
    expect(body.frameworks[0]!.areas[0]!.spread).toEqual({ kind: 'spread', lower: 8, median: 8, upper: 8 });
  });
});

describe('filters cannot single anyone out', () => {
  it('a coach group of one is “fewer than 5”, and so is a big group whose complement is small (whole minus group)', async () => {
    await setUp();
    const coachA = await person('Alex Coach');
    const coachB = await person('Bea Coach');
    const groupA = await team(coachA, 5, 'A');
    const [lone] = await team(coachB, 1, 'B');
    for (const pm of groupA) {
      await heldSession(pm, coachA, '2026-05-10T09:00:00.000Z');
      await revealedRound(pm, coachA, 6);
    }
    await heldSession(lone!, coachB, '2026-05-11T09:00:00.000Z');
    await revealedRound(lone!, coachB, 2);

    const whole = await insights(admin);
    expect(cell(whole, 'sessionsHeld', '2026-05')).toEqual(count(6));
    expect(whole.coaches.map((c) => c.name)).toEqual(['Alex Coach', 'Bea Coach']);
    expect(whole.frameworks[0]!.pms).toEqual(count(6));

    // Narrowing to B would show the lone PM; narrowing to A would let whole − A show them too.
    for (const coach of [coachB, coachA]) {
      const narrowed = await insights(admin, coach);
      expect(narrowed.coach).toBe(coach.id);
      expect(cell(narrowed, 'sessionsHeld', '2026-05')).toEqual(FEWER);
      expect(cell(narrowed, 'roundsCompleted', '2026-05')).toEqual(FEWER);
      expect(cell(narrowed, 'activePairs', '2026-05')).toEqual(FEWER);
      expect(narrowed.frameworks[0]!.pms).toEqual(FEWER);
      for (const area of narrowed.frameworks[0]!.areas) expect(area.spread).toEqual(FEWER);
    }

    // Once B coaches five, both groups and the whole show, and they add up.
    const groupB = [lone!, ...(await team(coachB, 4, 'B'))];
    for (const pm of groupB.slice(1)) {
      await heldSession(pm, coachB, '2026-05-12T09:00:00.000Z');
      await revealedRound(pm, coachB, 2);
    }
    const a = await insights(admin, coachA);
    const b = await insights(admin, coachB);
    expect(cell(a, 'sessionsHeld', '2026-05')).toEqual(count(5));
    expect(cell(b, 'sessionsHeld', '2026-05')).toEqual(count(5));
    expect(cell(await insights(admin), 'sessionsHeld', '2026-05')).toEqual(count(10));
    expect(a.frameworks[0]!.areas[0]!.spread).toEqual({ kind: 'spread', lower: 6, median: 6, upper: 6 });
    expect(b.frameworks[0]!.areas[0]!.spread).toEqual({ kind: 'spread', lower: 2, median: 2, upper: 2 });
  });

  it('an opt-out inside a coach group of five hides that group’s spread (five minus one), and the other group’s too', async () => {
    await setUp();
    const coachA = await person('Alex Coach');
    const coachB = await person('Bea Coach');
    const groupA = await team(coachA, 5, 'A');
    const groupB = await team(coachB, 5, 'B');
    for (const pm of groupA) await revealedRound(pm, coachA, 6);
    for (const pm of groupB) await revealedRound(pm, coachB, 4);
    expect((await insights(admin, coachB)).frameworks[0]!.pms).toEqual(count(5));
    await groupA[0]!.client.put('/api/insights/my-choice', { counted: false });
    expect((await insights(admin, coachA)).frameworks[0]!.pms).toEqual(FEWER);
    // B alone would be whole − A: hidden as well, while the whole (9) still shows.
    expect((await insights(admin, coachB)).frameworks[0]!.pms).toEqual(FEWER);
    expect((await insights(admin)).frameworks[0]!.pms).toEqual(count(9));
  });
});

/** Records that `pm` joined through an invitation `inviter` sent (accepted). */
async function joinedBy(pm: Person, inviter: Person, kind: 'pm' | 'member' = 'pm') {
  await db()
    .insertInto('invitations')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      email: pm.email,
      kind,
      token_hash: newId(),
      invited_by: inviter.id,
      created_at: '2026-01-01T00:00:00.000Z',
      expires_at: '2026-01-08T00:00:00.000Z',
      accepted_at: '2026-01-02T00:00:00.000Z',
      accepted_by: pm.id,
      revoked_at: null,
      mailed_at: null,
    })
    .execute();
}

describe('sock puppets (issue 19, row 4; decision 050)', () => {
  it('four PMs a coach controls (scores 1, 1, 10, 10) do not turn the median into the one real PM’s score', async () => {
    await setUp();
    const attacker = await person('Mallory Coach');
    const other = await person('Bea Coach');
    const puppets = await team(attacker, 4, 'Puppet');
    const [real] = await team(other, 1, 'Real');
    for (const [i, pm] of puppets.entries()) {
      await revealedRound(pm, attacker, [1, 1, 10, 10][i]!);
      await heldSession(pm, attacker, '2026-05-10T09:00:00.000Z');
    }
    await revealedRound(real!, other, 8);
    await heldSession(real!, other, '2026-05-11T09:00:00.000Z');

    const seen = await insights(attacker);
    expect(seen.frameworks[0]!.pms).toEqual(FEWER);
    for (const area of seen.frameworks[0]!.areas) expect(area.spread).toEqual(FEWER);
    expect(cell(seen, 'sessionsHeld', '2026-05')).toEqual(FEWER);
    expect(cell(seen, 'roundsCompleted', '2026-05')).toEqual(FEWER);
    // The admin, who controls none of them, still sees the five.
    const whole = await insights(admin);
    expect(whole.frameworks[0]!.pms).toEqual(count(5));
    expect(cell(whole, 'sessionsHeld', '2026-05')).toEqual(count(5));
  });

  it('puppets invited by the coach, and the puppets they invite and coach in turn, count for nothing too', async () => {
    await setUp();
    const attacker = await person('Mallory Coach');
    const other = await person('Bea Coach');
    const [first] = await team(attacker, 1, 'Puppet');
    await joinedBy(first!, attacker);
    // The first puppet invites and coaches three more; the attacker is not their coach.
    const more = await team(first!, 3, 'Puppet of puppet');
    for (const pm of more) await joinedBy(pm, first!);
    const reals = await team(other, 5, 'Real');
    for (const [i, pm] of [first!, ...more].entries()) await revealedRound(pm, first!, [1, 1, 10, 10][i]!);
    for (const pm of reals.slice(0, 1)) await revealedRound(pm, other, 8);

    const seen = await insights(attacker);
    expect(seen.frameworks[0]!.pms).toEqual(FEWER);
    for (const area of seen.frameworks[0]!.areas) expect(area.spread).toEqual(FEWER);
    // Five real PMs with rounds are a group again, for the attacker too: only real scores in it.
    for (const pm of reals.slice(1)) await revealedRound(pm, other, 4);
    const later = await insights(attacker);
    expect(later.frameworks[0]!.pms).toEqual(count(5));
    expect(later.frameworks[0]!.areas[0]!.spread).toEqual({ kind: 'spread', lower: 4, median: 4, upper: 4 });
    expect((await insights(admin)).frameworks[0]!.pms).toEqual(count(9));
  });
});
