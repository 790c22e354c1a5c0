import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import {
  buildMember,
  buildPm,
  buildRound,
  buildWorkspace,
  scoresFor,
  type Person,
} from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildWorld } from '../support/world.js';

/**
 * Export (issue 11, decision 042): one zip of everything the viewer may see of a PM. Every kind
 * appears for the PM; nothing the exporter may not see appears; outside the pair it is a 404
 * exactly like a missing PM; a coach's export leaves one access-log entry.
 */
let app: TestApp;
let clock = new Date();
let admin: Person;
const tick = () => (clock = new Date(clock.getTime() + 60_000));
beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  admin = await buildWorkspace(app);
});
afterAll(async () => {
  await app.close();
});

/** Downloads the export as bytes (the test client reads text; a zip needs the raw body). */
async function download(client: Client, pmId: string) {
  const res = await fetch(`${app.url}/api/pms/${pmId}/export`, {
    headers: { cookie: `wh_session=${client.cookie('wh_session')}` },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes };
}

type Files = Record<string, Uint8Array>;
const json = (files: Files, path: string) => JSON.parse(strFromU8(files[path]!));
const text = (files: Files) =>
  Object.entries(files)
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');

async function exportOf(client: Client, pmId: string) {
  const { res, bytes } = await download(client, pmId);
  expect(res.status, new TextDecoder().decode(bytes)).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  return { files: unzipSync(bytes), res };
}

const PRIVATE = {
  reflection: 'PM-PRIVATE-REFLECTION nobody else reads this',
  checkIn: 'PM-PRIVATE-CHECKIN not ready to talk',
  selfCheckNote: 'PM-UNSHARED-SELFCHECK-NOTE',
  pmSessionNote: 'PM-PRIVATE-SESSION-NOTE',
  coachReflection: 'COACH-PRIVATE-NOTE about the PM',
  coachSessionNote: 'COACH-PRIVATE-SESSION-NOTE',
};

/** A pair with at least one of every kind of data, written through the API. */
async function pairWithEverything() {
  const coach = await buildMember(app, admin, 'Cora Coach');
  const pm = await buildPm(app, coach, 'Pia Park');
  const base = `/api/pms/${pm.id}`;
  const ok = (res: { status: number; text: string }) => {
    expect(res.status, res.text).toBe(200);
    return res as { status: number; text: string; body: any };
  };

  // A revealed round with traits in words on both sides.
  const round = await buildRound(pm, coach, { submit: false });
  ok(await pm.client.put(`${base}/rounds/${round.id}/traits`, { words: { curiosity: 'PM-TRAIT-WORDS' } }));
  ok(
    await coach.client.put(`${base}/rounds/${round.id}/traits`, {
      words: { curiosity: 'COACH-TRAIT-WORDS' },
    }),
  );
  ok(
    await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores: scoresFor(round, 6),
      notes: {},
    }),
  );
  ok(
    await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 7),
      nextBiggerChallenge: 'Lead the H2 strategy planning',
    }),
  );
  await buildRound(pm, coach, {});

  // Self-checks: one shared, one private with a note.
  tick();
  const shared = ok(await pm.client.post(`${base}/self-checks`, { areas: ['team'] })).body;
  tick();
  const teamScores = { 'team.1': 8, 'team.2': 6, 'team.3': 8, 'team.4': 8, 'team.5': 8 };
  ok(await pm.client.post(`${base}/self-checks/${shared.id}/submit`, { scores: teamScores }));
  ok(await pm.client.post(`${base}/self-checks/${shared.id}/share`, {}));
  tick();
  const unshared = ok(await pm.client.post(`${base}/self-checks`, { areas: ['team'] })).body;
  tick();
  ok(await pm.client.post(`${base}/self-checks/${unshared.id}/submit`, { scores: teamScores }));
  ok(await pm.client.put(`${base}/self-checks/${unshared.id}/note`, { note: PRIVATE.selfCheckNote }));
  tick();
  ok(await pm.client.post(`${base}/self-checks`, { areas: ['team'] })); // a draft, the PM's alone

  // Reflections: the PM's private one, a shared one with markup in it, the coach's private note.
  tick();
  ok(await pm.client.post(`${base}/reflections`, { body: PRIVATE.reflection }));
  tick();
  const sharedReflection = ok(
    await pm.client.post(`${base}/reflections`, { body: 'Shared: <script>alert(1)</script> went well' }),
  ).body;
  ok(await pm.client.put(`${base}/reflections/${sharedReflection.id}/share`, { shared: true }));
  tick();
  ok(await coach.client.post(`${base}/reflections`, { body: PRIVATE.coachReflection }));

  // The plan, a comment and a suggestion; the vision.
  const plan = ok(
    await pm.client.post(`${base}/plan`, {
      headline: 'Own discovery',
      themes: [{ title: 'Talk to users', why: '', actions: [{ text: 'Lead three interviews solo' }] }],
    }),
  ).body;
  ok(await coach.client.post(`${base}/plan/comments`, { body: 'PLAN-COMMENT from the coach' }));
  ok(
    await coach.client.post(`${base}/plan/suggestions`, {
      kind: 'new_action',
      themeId: plan.themes[0].id,
      text: 'PLAN-SUGGESTION invite sales',
      dueOn: null,
      message: '',
    }),
  );
  ok(await coach.client.post(`${base}/vision/proposals`, { nextBiggerChallenge: 'VISION-PROPOSAL lead H2' }));

  // A coaching session: shared notes, both private notes, a next step.
  tick();
  const session = ok(
    await coach.client.post(`${base}/coaching-sessions`, {
      startsAt: `${clock.toISOString().slice(0, 10)}T14:30`,
      timeZone: 'Europe/Berlin',
    }),
  ).body;
  const url = `/api/coaching-sessions/${session.id}`;
  ok(await pm.client.put(`${url}/notes`, { body: 'SESSION-SHARED-NOTES' }));
  ok(await pm.client.put(`${url}/private-note`, { body: PRIVATE.pmSessionNote }));
  ok(await coach.client.put(`${url}/private-note`, { body: PRIVATE.coachSessionNote }));
  ok(await coach.client.post(`${url}/start`, {}));
  ok(
    await pm.client.put(`${url}/colours/${plan.themes[0].id}`, {
      colour: 'amber',
      why: 'COLOUR-WHY sales surprised',
    }),
  );
  ok(
    await pm.client.post(`${url}/next-steps`, {
      text: 'NEXT-STEP pitch the story',
      themeId: plan.themes[0].id,
    }),
  );

  // Check-ins (one private), a pulse, a nudge.
  tick();
  ok(await pm.client.post(`${base}/check-ins`, { emotions: ['curious'], why: 'CHECKIN-SHARED' }));
  tick();
  ok(
    await pm.client.post(`${base}/check-ins`, { emotions: ['drained'], why: PRIVATE.checkIn, private: true }),
  );
  const board = ok(await pm.client.get(`${base}/pulses`)).body;
  tick();
  ok(await pm.client.post(`${base}/pulses`, { key: board.areas[0].key, score: 6 }));
  tick();
  ok(await coach.client.post(`${base}/nudges`, { text: 'NUDGE how did it go?' }));

  // Someone else's read, so the PM's access log has a line.
  ok(await coach.client.get(`${base}/plan`));
  return { coach, pm };
}

describe('an export of everything', () => {
  let pair: { coach: Person; pm: Person & { pairId: string } };
  beforeAll(async () => {
    pair = await pairWithEverything();
  });

  it('gives the PM every kind of data, a manifest whose counts match, and a readable copy', async () => {
    const { pm } = pair;
    const { files, res } = await exportOf(pm.client, pm.id);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="wheelhouse-pia-park-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const manifest = json(files, 'manifest.json');
    expect(manifest).toMatchObject({
      schema: 'wheelhouse-export',
      version: 1,
      pm: { id: pm.id, name: 'Pia Park' },
      exportedBy: { id: pm.id, side: 'pm' },
    });
    const kinds = Object.keys(manifest.counts);
    expect(kinds).toEqual([
      'account',
      'rounds',
      'self-checks',
      'reflections',
      'plans',
      'vision',
      'coaching-sessions',
      'check-ins',
      'pulses',
      'nudges',
      'access-log',
    ]);
    for (const kind of kinds) {
      const items = json(files, `data/${kind}.json`);
      expect(items.length, `${kind} counted`).toBe(manifest.counts[kind]);
      expect(items.length, `${kind} present`).toBeGreaterThan(0);
      expect(files[`html/${kind}.html`], `${kind} readable`).toBeDefined();
    }
    expect(json(files, 'data/account.json')).toEqual([{ id: pm.id, name: 'Pia Park', email: pm.email }]);
    expect(manifest.counts).toMatchObject({ rounds: 2, 'self-checks': 3, reflections: 2, 'check-ins': 2 });
    const all = text(files);
    for (const words of [
      'PM-TRAIT-WORDS',
      'COACH-TRAIT-WORDS',
      PRIVATE.reflection,
      PRIVATE.checkIn,
      PRIVATE.selfCheckNote,
      PRIVATE.pmSessionNote,
      'SESSION-SHARED-NOTES',
      'NEXT-STEP pitch the story',
      'COLOUR-WHY sales surprised',
      'PLAN-COMMENT from the coach',
      'PLAN-SUGGESTION invite sales',
      'VISION-PROPOSAL lead H2',
      'CHECKIN-SHARED',
      'NUDGE how did it go?',
    ])
      expect(all, words).toContain(words);
    // Never another side's private words.
    expect(all).not.toContain(PRIVATE.coachReflection);
    expect(all).not.toContain(PRIVATE.coachSessionNote);
    // The log shows the coach's read.
    expect(json(files, 'data/access-log.json')).toContainEqual(
      expect.objectContaining({ who: 'Cora Coach', action: 'plan:read' }),
    );

    // The readable copy: the index links every page; a note's markup is text, never markup.
    const readme = strFromU8(files['README.html']!);
    for (const kind of kinds) expect(readme).toContain(`href="html/${kind}.html"`);
    expect(readme).toMatch(/private words/);
    // It tells the story in words and dates a person reads: the wheel drawn as on the page, the
    // plan, the sessions with their colours and notes; no ISO timestamps, no "Coach left: no".
    expect(readme).toMatch(/<svg [^>]*role="img"/);
    expect(readme).toContain('<title id="wheel-title">');
    expect(readme).toMatch(/<h2>The plan: /);
    expect(readme).toContain('COLOUR-WHY sales surprised');
    expect(readme).toContain('SESSION-SHARED-NOTES');
    expect(readme).toMatch(/Made on \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC/);
    expect(readme).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    const roundsHtml = strFromU8(files['html/rounds.html']!);
    expect(roundsHtml).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    expect(roundsHtml).not.toMatch(/<dt>[^<]+<\/dt><dd>no<\/dd>/);
    const reflectionsHtml = strFromU8(files['html/reflections.html']!);
    expect(reflectionsHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const html = Object.entries(files)
      .filter(([path]) => path.endsWith('.html'))
      .map(([, b]) => strFromU8(b))
      .join('');
    expect(html).not.toContain('<script');
  });

  it('gives the coach what they may see and wrote, never the PM’s private words, and logs it once', async () => {
    const { coach, pm } = pair;
    const entries = () =>
      app.deps.db
        .selectFrom('access_log')
        .select(['actor_id', 'action', 'resource'])
        .where('pm_id', '=', pm.id)
        .where('actor_id', '=', coach.id)
        .execute();
    const before = await entries();
    const { files } = await exportOf(coach.client, pm.id);
    await new Promise((r) => setTimeout(r, 50)); // the log is written in a batch on the next turn
    const after = await entries();
    expect(after.length - before.length).toBe(1);
    expect(after.filter((e) => e.action === 'everything:export')).toEqual([
      { actor_id: coach.id, action: 'everything:export', resource: 'everything they may see (export)' },
    ]);

    const manifest = json(files, 'manifest.json');
    expect(manifest.exportedBy).toMatchObject({ id: coach.id, name: 'Cora Coach', side: 'coach' });
    expect(json(files, 'data/account.json')).toEqual([{ id: pm.id, name: 'Pia Park' }]);
    expect(manifest.counts).toMatchObject({ 'access-log': 0, 'check-ins': 1, 'self-checks': 1 });
    expect(json(files, 'data/access-log.json')).toEqual([]);
    const all = text(files);
    for (const words of [
      PRIVATE.coachReflection,
      PRIVATE.coachSessionNote,
      'Shared: <script>alert(1)</script> went well',
      'SESSION-SHARED-NOTES',
      'CHECKIN-SHARED',
      'NUDGE how did it go?',
      'PLAN-COMMENT from the coach',
    ])
      expect(all, words).toContain(words);
    for (const words of [PRIVATE.reflection, PRIVATE.checkIn, PRIVATE.selfCheckNote, PRIVATE.pmSessionNote])
      expect(all, words).not.toContain(words);
  });
});

describe('outside the pair', () => {
  it('a former coach, another coach, another PM and the admin get a 404 exactly like a missing PM, and leave no entry', async () => {
    const w = await buildWorld(app);
    const count = async () =>
      (
        await app.deps.db
          .selectFrom('access_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('pm_id', '=', w.pm.id)
          .executeTakeFirstOrThrow()
      ).n;
    const before = Number(await count());
    for (const who of ['formerCoach', 'otherCoach', 'otherPm', 'admin'] as const) {
      const client = w.people[who].client;
      const refused = await client.get(`/api/pms/${w.pm.id}/export`);
      const missing = await client.get(`/api/pms/${randomUUID()}/export`);
      expect(refused.status, who).toBe(404);
      expect(refused.body, who).toEqual(missing.body);
      expect(refused.headers.get('content-type')).toMatch(/application\/json/);
    }
    expect([401, 404]).toContain((await w.clientFor('anonymous').get(`/api/pms/${w.pm.id}/export`)).status);
    await new Promise((r) => setTimeout(r, 50));
    expect(Number(await count())).toBe(before);
  });
});

describe('a big export', () => {
  it('streams a few thousand pulses page by page to the end', async () => {
    const pm = await buildPm(app, admin, 'Bo Bulk');
    const board = (await pm.client.get(`/api/pms/${pm.id}/pulses`)).body;
    const first = await pm.client.post(`/api/pms/${pm.id}/pulses`, { key: board.areas[0].key, score: 5 });
    expect(first.status, first.text).toBe(200);
    const row = await app.deps.db
      .selectFrom('pulses')
      .selectAll()
      .where('id', '=', first.body.id)
      .executeTakeFirstOrThrow();
    const total = 3000;
    const start = Date.parse(row.created_at);
    for (let i = 0; i < total - 1; i += 500) {
      const rows = Array.from({ length: Math.min(500, total - 1 - i) }, (_, j) => ({
        ...row,
        id: randomUUID(),
        // Some share a timestamp, so the cursor must break ties by id.
        created_at: new Date(start - Math.floor((i + j + 1) / 3) * 1000).toISOString(),
        score: ((i + j) % 10) + 1,
      }));
      await app.deps.db.insertInto('pulses').values(rows).execute();
    }
    const { files } = await exportOf(pm.client, pm.id);
    const pulses = json(files, 'data/pulses.json') as { id: string }[];
    expect(json(files, 'manifest.json').counts.pulses).toBe(total);
    expect(pulses).toHaveLength(total);
    expect(new Set(pulses.map((p) => p.id)).size).toBe(total);

    // A download given up halfway stops cleanly: the server goes on answering.
    const res = await fetch(`${app.url}/api/pms/${pm.id}/export`, {
      headers: { cookie: `wh_session=${pm.client.cookie('wh_session')}` },
    });
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    expect((await pm.client.get(`/api/pms/${pm.id}`)).status).toBe(200);
  });
});
