import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildPm, buildWorkspace, scoresFor, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';
import type { SealedField } from '../../server/crypto/sealed-fields.js';
import { missingCanaries, sealedFieldsOf } from '../../server/features/manifest-check.js';
import { tableManifests } from '../../server/features/manifests.js';

/**
 * Issue 11, decisions 044 and 049: a unique string written through the API into each sealed
 * column (every one the feature manifests declare) is in what the API answers to the people
 * allowed, and nowhere in what the database keeps (the SQLite file and its WAL, or a pg_dump) nor
 * in the server's logs. A sealed column without a canary here fails the test.
 */
const canary = (field: string) => `canary-${field.replace('.', '-')}-${randomUUID()}`;
/** Sealed column → the canary written into it through the API. */
const c = {} as Record<SealedField, string>;
const put = (field: SealedField) => (c[field] = canary(field));
/** A control: the workspace's name stays clear, so the same search must find this one. */
const clearControl = canary('clear-workspace-name');

let app: TestApp;
const logLines: string[] = [];
let coach: Person;
let pm: Person;
let sessionUrl: string;
/** Everything the API answered to the people allowed to see the fields. */
const answers: string[] = [];

type Res = { status: number; text: string; body: any };
const ok = async (res: Promise<Res>) => {
  const r = await res;
  expect(r.status, r.text).toBe(200);
  answers.push(r.text);
  return r.body;
};

beforeAll(async () => {
  app = await startTestApp({ logLines, allowPrivateWebhooks: true });
  coach = await buildWorkspace(app, clearControl);
  pm = await buildPm(app, coach, 'Pat PM');
  const base = `/api/pms/${pm.id}`;

  // A round: its title, a peer's name and comment, both sides' notes, challenges and traits.
  const round = await ok(pm.client.post(`${base}/rounds`, { title: put('assessment_rounds.title') }));
  const area = round.frameworkVersion.areas[0].key;
  const invited = await ok(
    pm.client.post(`/api/rounds/${round.id}/peers`, { name: put('peer_invitations.name') }),
  );
  const token = invited.link.split('/peer/')[1];
  const peer = new Client(app.url);
  await peer.start();
  await ok(
    peer.post(`/api/peer-reviews/${token}`, {
      scores: scoresFor(round, 4),
      notes: { [area]: canary('peer-note') },
    }),
  );
  await ok(peer.get(`/api/peer-reviews/${token}`));
  await ok(
    pm.client.put(`${base}/rounds/${round.id}/traits`, { words: { curiosity: put('round_traits.words') } }),
  );
  await ok(
    pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores: scoresFor(round, 7),
      notes: { [area]: put('assessment_notes.note') },
      nextBiggerChallenge: put('assessments.next_bigger_challenge'),
    }),
  );
  await ok(
    coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 5),
      notes: { [area]: canary('coach-note') },
      nextBiggerChallenge: canary('coach-challenge'),
    }),
  );
  await ok(coach.client.get(`/api/rounds/${round.id}/comparison`));
  // The coach's reads are logged for the PM with the round's title.
  c['access_log.resource'] = c['assessment_rounds.title'];
  await ok(pm.client.get(`/api/rounds/${round.id}`));
  await ok(pm.client.get(`/api/rounds/${round.id}/peers`));
  await ok(pm.client.get(`${base}/rounds/${round.id}/traits`));

  // A self-check: trait words and the private note.
  const check = await ok(pm.client.post(`${base}/self-checks`, { areas: ['team'] }));
  await ok(
    pm.client.patch(`${base}/self-checks/${check.id}`, {
      scores: { 'team.1': 7 },
      traits: { curiosity: put('self_check_traits.words') },
    }),
  );
  await ok(pm.client.put(`${base}/self-checks/${check.id}/note`, { note: put('self_checks.note') }));
  await ok(pm.client.get(`${base}/self-checks/${check.id}`));

  // The vision.
  await ok(
    coach.client.post(`${base}/vision/proposals`, {
      nextBiggerChallenge: put('vision_proposals.next_bigger_challenge'),
      careerDirection: put('vision_proposals.career_direction'),
      note: put('vision_proposals.note'),
    }),
  );
  await ok(pm.client.get(`${base}/vision`));

  // The plan: headline, focus, a theme, an action with evidence, a comment, two suggestions.
  const plan = await ok(
    pm.client.post(`${base}/plan`, {
      headline: put('plans.headline'),
      focus: put('plans.focus'),
      themes: [
        {
          title: put('plan_themes.title'),
          why: put('plan_themes.why'),
          serves: put('plan_themes.serves'),
          actions: [
            { text: put('plan_actions.text'), status: 'done', evidence: put('plan_actions.evidence') },
          ],
        },
      ],
    }),
  );
  const themeId = plan.themes[0].id;
  await ok(pm.client.post(`${base}/plan/comments`, { body: put('plan_comments.body') }));
  await ok(
    coach.client.post(`${base}/plan/suggestions`, {
      kind: 'new_theme',
      title: put('plan_suggestions.title'),
      why: put('plan_suggestions.why'),
      message: canary('theme-suggestion-message'),
    }),
  );
  const suggested = await ok(
    coach.client.post(`${base}/plan/suggestions`, {
      kind: 'new_action',
      themeId,
      text: put('plan_suggestions.text'),
      message: put('plan_suggestions.message'),
    }),
  );
  const actionSuggestion = suggested.suggestions.find((s: { kind: string }) => s.kind === 'new_action');
  await ok(
    pm.client.post(`${base}/plan/suggestions/${actionSuggestion.id}/decline`, {
      reason: put('plan_suggestions.decline_reason'),
    }),
  );
  await ok(coach.client.get(`${base}/plan`));
  await ok(pm.client.get(`${base}/plan`));

  // The PM's reflection, shared.
  const lineageId = plan.themes[0].lineageId;
  const entry = await ok(
    pm.client.post(`${base}/reflections`, {
      body: put('reflections.body'),
      attachedTo: { kind: 'theme', id: lineageId },
    }),
  );
  // What an entry, a nudge, a colour and a next step are about: a copy of the theme's title.
  for (const copy of [
    'reflections.attached_label',
    'nudges.about_title',
    'session_theme_colours.theme_title',
    'session_next_steps.theme_title',
  ] as const)
    c[copy] = c['plan_themes.title'];
  await ok(pm.client.put(`${base}/reflections/${entry.id}/share`, { shared: true }));
  await ok(coach.client.get(`${base}/reflections`));

  // A coaching session: agenda item and its detail, notes, a private note, a colour, a next step.
  const today = new Date().toISOString().slice(0, 10);
  const session = await ok(
    coach.client.post(`${base}/coaching-sessions`, { startsAt: `${today}T14:30`, timeZone: 'UTC' }),
  );
  const url = `/api/coaching-sessions/${session.id}`;
  sessionUrl = url;
  await ok(pm.client.post(`${url}/agenda`, { text: put('session_agenda_items.text') }));
  // The prepared agenda's item for the action done carries its evidence as the item's detail.
  c['session_agenda_items.detail'] = c['plan_actions.evidence'];
  await ok(coach.client.put(`${url}/notes`, { body: put('coaching_sessions.shared_notes') }));
  // The notes document (Yjs updates) carries the same words; they are answered as the notes.
  c['session_notes_updates.update_data'] = c['coaching_sessions.shared_notes'];
  await ok(coach.client.put(`${url}/private-note`, { body: put('session_private_notes.body') }));
  await ok(coach.client.post(`${url}/start`, {}));
  await ok(
    pm.client.put(`${url}/colours/${themeId}`, { colour: 'amber', why: put('session_theme_colours.why') }),
  );
  await ok(pm.client.post(`${url}/next-steps`, { text: put('session_next_steps.text'), themeId }));
  const called = await ok(
    coach.client.post(`${base}/coaching-sessions`, { startsAt: `${today}T16:30`, timeZone: 'UTC' }),
  );
  await ok(
    pm.client.post(`/api/coaching-sessions/${called.id}/cancel`, {
      reason: put('coaching_sessions.cancel_reason'),
    }),
  );
  await ok(coach.client.get(url));
  await ok(pm.client.get(url));

  // A check-in about a project, shared with the coach; a pulse with what would make it higher.
  await ok(
    pm.client.post(`${base}/check-ins`, {
      emotions: ['calm'],
      about: { kind: 'project', text: put('check_ins.about_title') },
      why: put('check_ins.why'),
      private: false,
    }),
  );
  await ok(coach.client.get(`${base}/check-ins`));
  const board = await ok(pm.client.get(`${base}/pulses`));
  await ok(
    pm.client.post(`${base}/pulses`, { key: board.areas[0].key, score: 6, higher: put('pulses.higher') }),
  );
  await ok(pm.client.get(`${base}/pulses`));

  // A nudge and the PM's answer (each also reaches the other's inbox).
  const nudge = await ok(
    coach.client.post(`${base}/nudges`, { text: put('nudges.text'), about: { kind: 'theme', lineageId } }),
  );
  await ok(pm.client.post(`${base}/nudges/${nudge.id}/reply`, { text: put('nudge_responses.text') }));
  await ok(pm.client.get(`${base}/nudges`));
  await ok(coach.client.get(`${base}/nudges`));
  // The PM's inbox carries the nudge's words: the delivery's text.
  c['deliveries.text'] = c['nudges.text'];
  expect(JSON.stringify(await ok(pm.client.get('/api/me/inbox')))).toContain(c['deliveries.text']);
  await ok(coach.client.get('/api/me/inbox'));

  // A question of the coach's own; the coach's webhook addresses.
  await ok(coach.client.post('/api/questions', { text: put('questions.text') }));
  await ok(coach.client.get('/api/questions'));
  await ok(
    coach.client.put('/api/me/notifications', {
      email: false,
      includeText: false,
      nudgeFrequency: 'weekly',
      quietHours: null,
      timeZone: 'Europe/Berlin',
      kindsOff: [],
      coachPromptDay: 1,
      slackUrl: `http://127.0.0.1:9/slack/${put('notification_settings.slack_url')}`,
      teamsUrl: `http://127.0.0.1:9/teams/${put('notification_settings.teams_url')}`,
    }),
  );
  await ok(coach.client.get('/api/me/notifications'));
  // The installation's VAPID private key (Web Push, decision 061): made at the first ask, never
  // answered; its canary is the key itself, read back through the query builder that opens it.
  await ok(coach.client.get('/api/me/push/key'));
  c['push_vapid_keys.private_key'] = (
    await app.deps.db.selectFrom('push_vapid_keys').select('private_key').executeTakeFirstOrThrow()
  ).private_key;
  await ok(pm.client.get(`${base}/access-log`));

  // Refused writes carrying the words are logged (as refusals), never with the words.
  const refused = await coach.client.post(`${base}/check-ins`, {
    emotions: ['calm'],
    about: { kind: 'general' },
    why: c['check_ins.why'],
    private: false,
  });
  expect(refused.status).toBe(403);
  expect(
    (await pm.client.put(`${url}/notes`, { body: 7, note: c['coaching_sessions.shared_notes'] })).status,
  ).toBe(400);
}, 90_000);

afterAll(async () => {
  await app?.close();
});

/** What the database keeps: the SQLite file and its WAL, or a plain-SQL pg_dump. */
function storedBytes(): string {
  const url = app.deps.config.databaseUrl;
  if (testEngine() === 'postgres')
    return execFileSync('pg_dump', ['--no-owner', `--dbname=${url}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  return [url, `${url}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

describe(`confidential text is encrypted at rest (${testEngine()})`, () => {
  it('has a canary for every sealed column of the manifests', () => {
    expect(missingCanaries(sealedFieldsOf(tableManifests), Object.keys(c))).toEqual([]);
  });

  it('shows each field to the people allowed', () => {
    const seen = answers.join('\n');
    // Webhook addresses are answered masked (they are credentials); their use is tested in deliveries.
    const writeOnly = [
      'notification_settings.slack_url',
      'notification_settings.teams_url',
      'push_vapid_keys.private_key',
    ];
    const shown = Object.keys(c).filter((field) => !writeOnly.includes(field));
    expect(shown.filter((field) => !seen.includes(c[field as SealedField]))).toEqual([]);
  });

  it('keeps none of them in the database, and the search would find clear text', () => {
    const stored = storedBytes();
    expect(stored, 'the clear workspace name is found: the search works').toContain(clearControl);
    const found = Object.entries(c).filter(([, value]) => stored.includes(value));
    expect(found.map(([field]) => field)).toEqual([]);
    expect(stored).toMatch(/wh1:[\w-]+:/);
  });

  // Issue 19 row 11: a pg_dump shows live rows only. PostgreSQL's own files also keep dead row
  // versions (until VACUUM reuses the space), sampled values in pg_statistic and every write in
  // pg_wal. None of them may hold a confidential word in clear: every version was sealed.
  it.runIf(testEngine() === 'postgres')(
    'keeps none of them in PostgreSQL’s files either: table files with dead row versions, statistics, WAL',
    async (ctx) => {
      const { db } = app.deps;
      await sql`analyze`.execute(db);
      await sql`checkpoint`.execute(db);
      const dataDir = (await sql<{ d: string }>`select current_setting('data_directory') as d`.execute(db))
        .rows[0]!.d;
      // A server elsewhere (TEST_DATABASE_URL): its files are not on this machine.
      if (!existsSync(dataDir)) ctx.skip();
      const relations = await sql<{ p: string }>`select pg_relation_filepath(oid) as p from pg_class
        where pg_relation_filepath(oid) is not null`.execute(db);
      const files = relations.rows.flatMap(({ p }) => {
        const dir = join(dataDir, p, '..');
        const base = p.split('/').at(-1)!;
        return readdirSync(dir)
          .filter((f) => f === base || f.startsWith(`${base}.`) || f.startsWith(`${base}_`))
          .map((f) => join(dir, f));
      });
      const wal = readdirSync(join(dataDir, 'pg_wal'))
        .filter((f) => /^[0-9A-F]{24}$/.test(f))
        .map((f) => join(dataDir, 'pg_wal', f));
      const stored = [...files, ...wal].map((f) => readFileSync(f).toString('latin1')).join('\n');
      expect(files.length).toBeGreaterThan(100);
      expect(stored, 'the clear workspace name is found: the search works').toContain(clearControl);
      expect(Object.keys(c).filter((field) => stored.includes(c[field as SealedField]))).toEqual([]);
    },
  );

  it('writes none of them to the logs', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const logs = logLines.join('');
    expect(Object.keys(c).filter((field) => logs.includes(c[field as SealedField]))).toEqual([]);
  });

  it('never opens a sealed value someone pastes in: the PM pasting the coach’s stored note reads back what they pasted', async () => {
    // The coach's private note as the database stores it (e.g. from a stolen backup).
    const stored = (
      await sql<{
        body: string;
      }>`select body from session_private_notes where author_id = ${coach.id}`.execute(app.deps.db)
    ).rows[0]!.body;
    expect(stored).toMatch(/^wh1:/);
    await ok(pm.client.put(`${sessionUrl}/private-note`, { body: stored }));
    const mine = JSON.stringify(await ok(pm.client.get(sessionUrl)));
    expect(mine).toContain(stored);
    expect(mine).not.toContain(c['session_private_notes.body']);
  });
});
