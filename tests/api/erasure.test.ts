import { statSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { sqlitePath } from '../../server/db/database.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../server/db/dialect.js';
import { Client } from '../support/client.js';
import {
  PASSWORD,
  buildMember,
  buildPm,
  buildRound,
  buildWorkspace,
  scoresFor,
  signIn,
  signUpThrough,
  type Person,
} from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { snapshot } from './matrix/snapshot.js';
import { inStorage, inTables, tracesOf } from './erasure-traces.js';
import type { SealedField } from '../../server/crypto/sealed-fields.js';
import { missingCanaries, sealedFieldsOf } from '../../server/features/manifest-check.js';
import { tableManifests } from '../../server/features/manifests.js';

/**
 * Erasure (issue 11, decision 043), on both engines: canary strings written through the API into
 * every text a person has are found nowhere after they erase their account (no table, not the
 * SQLite file and WAL, not a pg_dump); other people's data is untouched; a wrong password or a
 * failure halfway changes nothing; the access log still refuses an ordinary DELETE.
 */
let app: TestApp;
let clock = new Date();
let admin: Person;
const tick = () => (clock = new Date(clock.getTime() + 60_000));
beforeAll(async () => {
  app = await startTestApp({ now: () => clock, allowPrivateWebhooks: true });
  admin = await buildWorkspace(app);
});
afterAll(async () => {
  await app.close();
});

type Res = { status: number; text: string; body: any };
const ok = (res: Res) => {
  expect(res.status, res.text).toBe(200);
  return res.body;
};
let serial = 0;
/** A string found nowhere else: the test looks for it in every table and in the stored bytes. */
const canaryMaker = () => {
  const tag = `${++serial}${Math.random().toString(36).slice(2, 8)}`;
  const made: Record<string, string> = {};
  const c = (field: string) => (made[field] = `CNRY${tag}${field}`);
  return { c, made, tag };
};

/** A PM whose name and address are canaries, with a canary in every text field there is. */
async function pmFullOfCanaries(coach: Person) {
  const { c, made, tag } = canaryMaker();
  const email = `cnry${tag}mail@example.com`;
  made.email = email;
  const inv = ok(await coach.client.post('/api/invitations', { email, kind: 'pm' }));
  const pm = await signUpThrough(app, inv.link, `Pia ${c('Name')}`);
  const base = `/api/pms/${pm.id}`;

  // Sign-in traces: a known address, and a failed attempt counted against the address.
  expect((await signIn(app, email, 'not the password at all')).res.status).toBe(401);
  expect((await signIn(app, email)).res.status).toBe(200);

  // A revealed round: notes and next bigger challenge on both sides, traits, a peer.
  const round = await buildRound(pm, coach, { submit: false, title: c('RoundTitle') });
  const area = round.frameworkVersion.areas[0].key;
  ok(
    await pm.client.put(`/api/rounds/${round.id}/assessments/self`, {
      notes: { [area]: c('SelfNote') },
      nextBiggerChallenge: c('SelfChallenge'),
    }),
  );
  ok(
    await coach.client.put(`/api/rounds/${round.id}/assessments/coach`, {
      notes: { [area]: c('CoachNote') },
      nextBiggerChallenge: c('CoachChallenge'),
    }),
  );
  ok(await pm.client.put(`${base}/rounds/${round.id}/traits`, { words: { curiosity: c('PmTrait') } }));
  ok(await coach.client.put(`${base}/rounds/${round.id}/traits`, { words: { curiosity: c('CoachTrait') } }));
  const peerInvite = ok(await pm.client.post(`/api/rounds/${round.id}/peers`, { name: c('PeerName') }));
  const peer = new Client(app.url);
  await peer.start();
  ok(
    await peer.post(`/api/peer-reviews/${peerInvite.link.split('/peer/')[1]}`, {
      scores: scoresFor(round, 7),
      notes: { [area]: c('PeerNote') },
    }),
  );
  ok(
    await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, { scores: scoresFor(round, 6) }),
  );
  ok(
    await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 7),
    }),
  );

  // A self-check with a note.
  tick();
  const check = ok(await pm.client.post(`${base}/self-checks`, { areas: ['team'] }));
  ok(
    await pm.client.patch(`${base}/self-checks/${check.id}`, { traits: { curiosity: c('SelfCheckTrait') } }),
  );
  tick();
  ok(
    await pm.client.post(`${base}/self-checks/${check.id}/submit`, {
      scores: { 'team.1': 8, 'team.2': 6, 'team.3': 8, 'team.4': 8, 'team.5': 8 },
    }),
  );
  ok(await pm.client.put(`${base}/self-checks/${check.id}/note`, { note: c('SelfCheckNote') }));

  // Reflections: the PM's, and the coach's private note about the PM.
  tick();
  const reflection = ok(await pm.client.post(`${base}/reflections`, { body: c('Reflection') }));
  ok(await coach.client.post(`${base}/reflections`, { body: c('CoachPrivateNote') }));

  // The plan, comments (one private), a suggestion, a vision proposal.
  const plan = ok(
    await pm.client.post(`${base}/plan`, {
      headline: c('Headline'),
      focus: c('Focus'),
      themes: [
        {
          title: c('ThemeTitle'),
          why: c('ThemeWhy'),
          serves: c('ThemeServes'),
          actions: [{ text: c('ActionText'), status: 'done', evidence: c('Evidence') }],
        },
      ],
    }),
  );
  const themeId = plan.themes[0].id;
  const lineageId = plan.themes[0].lineageId;
  const themeSuggestion = ok(
    await coach.client.post(`${base}/plan/suggestions`, {
      kind: 'new_theme',
      title: c('SuggestionTitle'),
      why: c('SuggestionWhy'),
      message: 'A theme idea',
    }),
  );
  ok(
    await pm.client.post(`${base}/plan/suggestions/${themeSuggestion.suggestions[0].id}/decline`, {
      reason: c('DeclineReason'),
    }),
  );
  ok(await coach.client.post(`${base}/plan/comments`, { body: c('Comment') }));
  ok(await coach.client.post(`${base}/plan/comments`, { body: c('PrivateComment'), private: true }));
  ok(
    await coach.client.post(`${base}/plan/suggestions`, {
      kind: 'new_action',
      themeId,
      text: c('SuggestionText'),
      dueOn: null,
      message: c('SuggestionMessage'),
    }),
  );
  ok(
    await coach.client.post(`${base}/vision/proposals`, {
      nextBiggerChallenge: c('VisionChallenge'),
      careerDirection: c('VisionCareer'),
      note: c('VisionNote'),
    }),
  );

  // A coaching session: shared notes, both private notes, an agenda item, a colour, a next step.
  tick();
  const session = ok(
    await coach.client.post(`${base}/coaching-sessions`, {
      startsAt: `${clock.toISOString().slice(0, 10)}T14:30`,
      timeZone: 'Europe/Berlin',
    }),
  );
  const url = `/api/coaching-sessions/${session.id}`;
  ok(await pm.client.post(`${url}/agenda`, { text: c('AgendaItem') }));
  ok(await pm.client.put(`${url}/notes`, { body: c('SessionNotes') }));
  ok(await pm.client.put(`${url}/private-note`, { body: c('PmSessionNote') }));
  ok(await coach.client.put(`${url}/private-note`, { body: c('CoachSessionNote') }));
  ok(await coach.client.post(`${url}/start`, {}));
  ok(await pm.client.put(`${url}/colours/${themeId}`, { colour: 'amber', why: c('ColourWhy') }));
  ok(await pm.client.post(`${url}/next-steps`, { text: c('NextStep'), themeId }));
  const called = ok(
    await coach.client.post(`${base}/coaching-sessions`, {
      startsAt: `${clock.toISOString().slice(0, 10)}T16:30`,
      timeZone: 'Europe/Berlin',
    }),
  );
  ok(await pm.client.post(`/api/coaching-sessions/${called.id}/cancel`, { reason: c('CancelReason') }));

  // Check-ins, a pulse, a nudge and the PM's answer, a question of the PM's own.
  tick();
  ok(
    await pm.client.post(`${base}/check-ins`, {
      emotions: ['curious'],
      about: { kind: 'project', text: c('CheckInProject') },
      why: c('CheckInWhy'),
    }),
  );
  ok(
    await pm.client.post(`${base}/check-ins`, {
      emotions: ['drained'],
      why: c('PrivateCheckIn'),
      private: true,
    }),
  );
  const board = ok(await pm.client.get(`${base}/pulses`));
  ok(await pm.client.post(`${base}/pulses`, { key: board.areas[0].key, score: 6, higher: c('PulseHigher') }));
  tick();
  const nudge = ok(
    await coach.client.post(`${base}/nudges`, { text: c('Nudge'), about: { kind: 'theme', lineageId } }),
  );
  ok(await pm.client.post(`${base}/nudges/${nudge.id}/reply`, { text: c('NudgeReply') }));
  ok(await pm.client.post('/api/questions', { text: c('Question') + ' what would make it a 7?' }));

  ok(
    await pm.client.patch(`${base}/reflections/${reflection.id}`, {
      attachedTo: { kind: 'theme', id: lineageId },
    }),
  );
  ok(
    await pm.client.put('/api/me/notifications', {
      email: false,
      includeText: true,
      nudgeFrequency: 'weekly',
      quietHours: null,
      timeZone: 'Europe/Berlin',
      kindsOff: [],
      coachPromptDay: 1,
      slackUrl: `http://127.0.0.1:9/slack/${c('SlackUrl')}`,
      teamsUrl: `http://127.0.0.1:9/teams/${c('TeamsUrl')}`,
    }),
  );

  // A browser with push on (Web Push): its address goes with the account.
  ok(
    await pm.client.put('/api/me/push/subscription', {
      endpoint: `http://127.0.0.1:9/push/${c('PushEndpoint')}`,
      keys: {
        p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 3)]).toString('base64url'),
        auth: Buffer.alloc(16, 5).toString('base64url'),
      },
    }),
  );

  // Someone else's read: the PM's access log has lines.
  ok(await coach.client.get(`${base}/plan`));
  return { pm, canaries: Object.values(made), made };
}

/**
 * The sealed column each canary lands in (decision 049): the test below fails when a manifest
 * seals a column no canary here reaches. Copies carry their source's canary.
 */
const sealedCanaries: Record<Exclude<SealedField, 'push_vapid_keys.private_key'>, string> = {
  'assessment_rounds.title': 'RoundTitle',
  'access_log.resource': 'RoundTitle',
  'peer_invitations.name': 'PeerName',
  'assessments.next_bigger_challenge': 'SelfChallenge',
  'assessment_notes.note': 'SelfNote',
  'round_traits.words': 'PmTrait',
  'self_checks.note': 'SelfCheckNote',
  'self_check_traits.words': 'SelfCheckTrait',
  'reflections.body': 'Reflection',
  'reflections.attached_label': 'ThemeTitle',
  'plans.headline': 'Headline',
  'plans.focus': 'Focus',
  'plan_themes.title': 'ThemeTitle',
  'plan_themes.why': 'ThemeWhy',
  'plan_themes.serves': 'ThemeServes',
  'plan_actions.text': 'ActionText',
  'plan_actions.evidence': 'Evidence',
  'plan_comments.body': 'Comment',
  'plan_suggestions.title': 'SuggestionTitle',
  'plan_suggestions.why': 'SuggestionWhy',
  'plan_suggestions.text': 'SuggestionText',
  'plan_suggestions.message': 'SuggestionMessage',
  'plan_suggestions.decline_reason': 'DeclineReason',
  'vision_proposals.next_bigger_challenge': 'VisionChallenge',
  'vision_proposals.career_direction': 'VisionCareer',
  'vision_proposals.note': 'VisionNote',
  'coaching_sessions.shared_notes': 'SessionNotes',
  'coaching_sessions.cancel_reason': 'CancelReason',
  // The notes document holds the same words (base64 Yjs updates, sealed).
  'session_notes_updates.update_data': 'SessionNotes',
  'session_agenda_items.text': 'AgendaItem',
  'session_agenda_items.detail': 'Evidence',
  'session_private_notes.body': 'PmSessionNote',
  'session_theme_colours.why': 'ColourWhy',
  'session_theme_colours.theme_title': 'ThemeTitle',
  'session_next_steps.text': 'NextStep',
  'session_next_steps.theme_title': 'ThemeTitle',
  'check_ins.about_title': 'CheckInProject',
  'check_ins.why': 'CheckInWhy',
  'pulses.higher': 'PulseHigher',
  'nudges.text': 'Nudge',
  'nudges.about_title': 'ThemeTitle',
  'nudge_responses.text': 'NudgeReply',
  'deliveries.text': 'Nudge',
  'questions.text': 'Question',
  'notification_settings.slack_url': 'SlackUrl',
  'notification_settings.teams_url': 'TeamsUrl',
};

describe('the erasure canaries', () => {
  it('reach every sealed column of the manifests', () => {
    // The installation's VAPID keys (Web Push) are about no one: nothing of a person to erase.
    const { push_vapid_keys: _aboutNoOne, ...aboutPeople } = tableManifests;
    expect(missingCanaries(sealedFieldsOf(aboutPeople), Object.keys(sealedCanaries))).toEqual([]);
  });
});

/** The same kinds for a PM with no canaries: their views must read the same after someone else's erasure. */
async function ordinaryPm(coach: Person) {
  const pm = await buildPm(app, coach, 'Olga Other');
  const base = `/api/pms/${pm.id}`;
  await buildRound(pm, coach, {});
  ok(await pm.client.post(`${base}/reflections`, { body: 'Olga reflects' }));
  ok(await coach.client.post(`${base}/reflections`, { body: 'Coach note about Olga' }));
  ok(
    await pm.client.post(`${base}/plan`, {
      headline: 'Olga grows',
      themes: [{ title: 'Speak up', why: '' }],
    }),
  );
  ok(await coach.client.post(`${base}/plan/comments`, { body: 'Nice plan, Olga' }));
  ok(await pm.client.post(`${base}/check-ins`, { emotions: ['curious'], why: 'Olga is fine' }));
  ok(await coach.client.post(`${base}/nudges`, { text: 'Olga, how did it go?' }));
  return pm;
}

/** Everything in a viewer's export of a PM, as one text. */
async function exportText(viewer: Person, pmId: string) {
  const res = await fetch(`${app.url}/api/pms/${pmId}/export`, {
    headers: { cookie: `wh_session=${viewer.client.cookie('wh_session')}` },
  });
  expect(res.status).toBe(200);
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return Object.values(files)
    .map((bytes) => strFromU8(bytes))
    .join('\n');
}

/** What a person sees of a PM through the API, for before/after comparisons. */
async function viewsOf(viewer: Person, pmId: string) {
  const base = `/api/pms/${pmId}`;
  const paths = ['', '/rounds', '/reflections', '/plan', '/check-ins', '/nudges', '/coaching-sessions'];
  const out: Record<string, unknown> = {};
  for (const p of paths) out[p] = (await viewer.client.get(`${base}${p}`)).body;
  return out;
}

const erase = (person: Person, password = PASSWORD) =>
  person.client.post('/api/account/erasure', { password, confirm: true });

describe('a PM erases their account', () => {
  it('leaves no trace of any canary in any table, the stored bytes or a dump; others are untouched', async () => {
    const coach = await buildMember(app, admin, 'Cora Coach');
    const { pm, canaries, made } = await pmFullOfCanaries(coach);
    expect(Object.values(sealedCanaries).filter((name) => !(name in made))).toEqual([]);
    const other = await ordinaryPm(coach);
    const otherBefore = await viewsOf(other, other.id);
    const coachSeesOtherBefore = await viewsOf(coach, other.id);

    // Every canary really reached the database (so the test can fail): found in a table, or, where
    // a field is stored encrypted, read back through the API (the PM's and the coach's exports).
    const stored = (await inTables(app, canaries)).join('\n');
    const readable = [
      await exportText(pm, pm.id),
      await exportText(coach, pm.id),
      (await pm.client.get('/api/questions')).text,
    ].join('\n');
    for (const canary of canaries)
      expect(stored.includes(`: ${canary}`) || readable.includes(canary), `${canary} was never stored`).toBe(
        true,
      );
    expect(stored).toContain(canaries[0]);

    // The byte search finds a canary while it is there (so an empty answer later means something).
    expect(await inStorage(app, [canaries[0]!])).toHaveLength(1);

    // The page's words are built from the PM's own counts.
    const summary = ok(await pm.client.get('/api/account/erasure'));
    expect(summary.counts).toMatchObject({ rounds: 1, selfChecks: 1, reflections: 1, coachNotesAboutYou: 1 });
    expect(summary.goes.join('\n')).toContain('1 assessment round');
    expect(summary.goes.join('\n')).toContain('1 private note a coach wrote about you');
    expect(summary.blockedBecause).toBeNull();

    const erased = await erase(pm);
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body.me).toBeNull();
    // SQLite: the erasure folded its WAL back into the zeroed file and truncated it.
    if (app.deps.engine === 'sqlite')
      expect(statSync(`${sqlitePath(app.deps.config.databaseUrl)}-wal`).size).toBe(0);

    expect(await tracesOf(app, canaries)).toEqual([]);
    // Independent of how text is stored (encrypted or not): the PM's id is left only on the
    // tombstone row itself; no row anywhere else points at them.
    expect((await inTables(app, [pm.id])).sort()).toEqual([`users.email: ${pm.id}`, `users.id: ${pm.id}`]);
    expect(
      await app.deps.db.selectFrom('access_log').select('id').where('pm_id', '=', pm.id).execute(),
    ).toEqual([]);

    // Signed out everywhere, and the address no longer signs in.
    expect((await pm.client.get('/api/session')).body.me).toBeNull();
    expect((await pm.client.get('/api/account/erasure')).status).toBe(401);
    expect((await signIn(app, pm.email)).res.status).toBe(401);

    // The coach no longer sees the PM; the other PM and what the coach sees of them are unchanged.
    expect((await coach.client.get(`/api/pms/${pm.id}`)).status).toBe(404);
    expect((await coach.client.get('/api/pairs')).body.map((p: any) => p.pm.id)).not.toContain(pm.id);
    expect(await viewsOf(other, other.id)).toEqual(otherBefore);
    expect(await viewsOf(coach, other.id)).toEqual(coachSeesOtherBefore);

    // The log is still append-only for everyone else.
    await expect(
      app.deps.db.deleteFrom('access_log').where('pm_id', '=', other.id).execute(),
    ).rejects.toThrow();
  });
});

describe('a coach erases their account', () => {
  it("takes their private words and unrevealed sides; what they gave a PM stays, as 'A former coach'", async () => {
    const { c, made, tag } = canaryMaker();
    const email = `cnry${tag}coach@example.com`;
    const inv = ok(await admin.client.post('/api/invitations', { email, kind: 'member' }));
    const coach = await signUpThrough(app, inv.link, `Carl ${c('CoachName')}`);
    const pm = await buildPm(app, coach, 'Paula Kept');
    const base = `/api/pms/${pm.id}`;
    const name = made.CoachName!;

    // Given into the PM's record: stays.
    await buildRound(pm, coach, {});
    const revealed = ok(await coach.client.get(`${base}/rounds`));
    ok(
      await pm.client.post(`${base}/plan`, { headline: 'Paula grows', themes: [{ title: 'Lead', why: '' }] }),
    );
    const kept = {
      comment: c('GivenComment'),
      nudge: c('GivenNudge'),
    };
    ok(await coach.client.post(`${base}/plan/comments`, { body: kept.comment }));
    ok(await coach.client.post(`${base}/nudges`, { text: kept.nudge }));

    // Private to the coach, or never shown: goes.
    const gone = {
      note: c('PrivateNote'),
      comment: c('PrivateComment'),
      sessionNote: c('SessionPrivate'),
      draft: c('UnrevealedDraft'),
      question: c('Question'),
    };
    ok(await coach.client.post(`${base}/reflections`, { body: gone.note }));
    ok(await coach.client.post(`${base}/plan/comments`, { body: gone.comment, private: true }));
    const session = ok(
      await coach.client.post(`${base}/coaching-sessions`, {
        startsAt: `${clock.toISOString().slice(0, 10)}T16:00`,
        timeZone: 'Europe/Berlin',
      }),
    );
    ok(
      await coach.client.put(`/api/coaching-sessions/${session.id}/private-note`, { body: gone.sessionNote }),
    );
    const open = await buildRound(pm, coach, { submit: false });
    ok(
      await coach.client.put(`/api/rounds/${open.id}/assessments/coach`, {
        nextBiggerChallenge: gone.draft,
      }),
    );
    ok(await coach.client.post('/api/questions', { text: `${gone.question} is it clear?` }));

    const summary = ok(await coach.client.get('/api/account/erasure'));
    expect(summary.counts).toMatchObject({ pmsCoached: 1, privateNotes: 3, unrevealedAssessments: 1 });
    expect(summary.stays.join('\n')).toContain('a former coach');

    const pmBefore = (await pm.client.get(`${base}/plan`)).body;
    expect((await erase(coach)).status).toBe(200);

    expect(await tracesOf(app, [name, email, ...Object.values(gone)])).toEqual([]);
    // What the PM was given is still theirs to read, attributed to no one by name.
    const plan = ok(await pm.client.get(`${base}/plan`));
    expect(JSON.stringify(plan)).toContain(kept.comment);
    expect(plan.themes).toEqual(pmBefore.themes);
    const nudges = JSON.stringify(ok(await pm.client.get(`${base}/nudges`)));
    expect(nudges).toContain(kept.nudge);
    expect(ok(await pm.client.get(`${base}/rounds`))).toHaveLength(revealed.length + 1);
    const log = JSON.stringify(ok(await pm.client.get(`${base}/access-log`)));
    expect(log).toContain('A former coach');
    expect(log).not.toContain(name);
    // Their pairing ended; the PM keeps the open round to close or hand over.
    const pairs = ok(await pm.client.get('/api/pairs'));
    expect(pairs[0]).toMatchObject({ status: 'ended', coach: { name: 'A former coach' } });
    expect((await signIn(app, email)).res.status).toBe(401);
  });
});

describe('an erasure that does not happen', () => {
  it('with a wrong password: a 400 that says so, and nothing changes', async () => {
    const coach = await buildMember(app, admin);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach, {});
    const before = await snapshot(app.deps.db);
    const res = await erase(pm, 'not my password');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('password: does not match your account. Nothing was erased.');
    expect(await snapshot(app.deps.db)).toEqual(before);
    expect((await pm.client.get('/api/session')).body.me.id).toBe(pm.id);
  });

  it('without the confirmation ticked: a 400, and nothing changes', async () => {
    const pm = await buildPm(app, await buildMember(app, admin));
    const before = await snapshot(app.deps.db);
    const res = await pm.client.post('/api/account/erasure', { password: PASSWORD, confirm: false });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('confirm');
    expect(await snapshot(app.deps.db)).toEqual(before);
  });

  it('for the last admin: a 409 telling them to hand admin over first', async () => {
    const summary = ok(await admin.client.get('/api/account/erasure'));
    expect(summary.blockedBecause).toMatch(/Make someone else admin/);
    const before = await snapshot(app.deps.db);
    const res = await erase(admin);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/only admin.*Make someone else admin/);
    expect(await snapshot(app.deps.db)).toEqual(before);
  });

  it('when it fails halfway: the transaction takes everything back, log included', async () => {
    const coach = await buildMember(app, admin);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach, {});
    ok(await coach.client.get(`/api/pms/${pm.id}/plan`).then((r) => ({ ...r, status: 200 })));
    const { db } = app.deps;
    // The last step (the tombstone) fails: everything before it was already deleted in the transaction.
    if (isPostgres(db)) {
      await sql`create function fail_erasure() returns trigger language plpgsql as $$ begin raise exception 'forced failure'; end $$`.execute(
        db,
      );
      await sql`create trigger fail_erasure before update of erased_at on users for each row execute function fail_erasure()`.execute(
        db,
      );
    } else {
      await sql`create trigger fail_erasure before update of erased_at on users begin select raise(abort, 'forced failure'); end`.execute(
        db,
      );
    }
    try {
      const logBefore = await db.selectFrom('access_log').select('id').where('pm_id', '=', pm.id).execute();
      expect(logBefore.length).toBeGreaterThan(0);
      const before = await snapshot(db);
      const res = await erase(pm);
      expect(res.status).toBe(500);
      expect(await snapshot(db)).toEqual(before);
      expect((await pm.client.get('/api/session')).body.me.id).toBe(pm.id);
    } finally {
      await sql`drop trigger fail_erasure${isPostgres(db) ? sql` on users` : sql``}`.execute(db);
      if (isPostgres(db)) await sql`drop function fail_erasure()`.execute(db);
    }
    // And afterwards the same erasure goes through.
    expect((await erase(pm)).status).toBe(200);
  });
});
