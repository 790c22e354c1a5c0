import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { buildPm, buildWorkspace, scoresFor, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-database.js';

/**
 * Issue 11, decision 044: a unique string written through the API into each encrypted field is
 * in the API answer to the people allowed, and nowhere in what the database keeps (the SQLite
 * file and its WAL, or a pg_dump) nor in the server's logs.
 */
const canary = (field: string) => `canary-${field}-${randomUUID()}`;
const c = {
  selfNote: canary('round-self-note'),
  coachNote: canary('round-coach-note'),
  peerNote: canary('peer-comment'),
  selfCheckNote: canary('self-check-note'),
  comment: canary('plan-comment'),
  suggestionMessage: canary('suggestion-message'),
  declineReason: canary('decline-reason'),
  reflection: canary('reflection'),
  coachPrivateNote: canary('coach-private-note'),
  sharedNotes: canary('session-notes'),
  sessionPrivateNote: canary('session-private-note'),
  agendaItem: canary('agenda-item'),
  checkInWhy: canary('check-in-why'),
  nudge: canary('nudge'),
  nudgeReply: canary('nudge-reply'),
};
/** A control: plan headlines stay clear, so the same search must find this one. */
const clearHeadline = canary('clear-plan-headline');

let app: TestApp;
const logLines: string[] = [];
let coach: Person;
let pm: Person;
/** Everything the API answered to the people allowed to see each field. */
const answers: Record<string, string> = {};

const ok = async (res: Promise<{ status: number; text: string; body: any }>) => {
  const r = await res;
  expect(r.status, r.text).toBe(200);
  return r.body;
};

beforeAll(async () => {
  app = await startTestApp({ logLines });
  coach = await buildWorkspace(app);
  pm = await buildPm(app, coach, 'Pat PM');

  // A round: the peer's comment, the PM's and the coach's area notes.
  const round = await ok(pm.client.post(`/api/pms/${pm.id}/rounds`, {}));
  const invited = await ok(pm.client.post(`/api/rounds/${round.id}/peers`, { name: 'Sam from design' }));
  const token = invited.link.split('/peer/')[1];
  const peer = new Client(app.url);
  await peer.start();
  await ok(
    peer.post(`/api/peer-reviews/${token}`, { scores: scoresFor(round, 4), notes: { team: c.peerNote } }),
  );
  answers.peerNote = JSON.stringify(await ok(peer.get(`/api/peer-reviews/${token}`)));
  await ok(
    pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
      scores: scoresFor(round, 7),
      notes: { team: c.selfNote },
    }),
  );
  await ok(
    coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
      scores: scoresFor(round, 5),
      notes: { team: c.coachNote },
      nextBiggerChallenge: 'Lead the H2 strategy planning',
    }),
  );
  answers.selfNote = answers.coachNote = JSON.stringify(
    await ok(coach.client.get(`/api/rounds/${round.id}/comparison`)),
  );

  // A self-check's private note.
  const check = await ok(pm.client.post(`/api/pms/${pm.id}/self-checks`, { areas: ['team'] }));
  answers.selfCheckNote = JSON.stringify(
    await ok(pm.client.put(`/api/pms/${pm.id}/self-checks/${check.id}/note`, { note: c.selfCheckNote })),
  );

  // The plan: a comment, a suggestion with its message, declined with a reason.
  const plan = await ok(
    pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: clearHeadline,
      themes: [
        { title: 'Talk to users', why: 'I build on guesses.', actions: [{ text: 'Lead interviews' }] },
      ],
    }),
  );
  await ok(pm.client.post(`/api/pms/${pm.id}/plan/comments`, { body: c.comment }));
  const suggested = await ok(
    coach.client.post(`/api/pms/${pm.id}/plan/suggestions`, {
      kind: 'new_action',
      themeId: plan.themes[0].id,
      text: 'Shadow a sales call',
      message: c.suggestionMessage,
    }),
  );
  await ok(
    pm.client.post(`/api/pms/${pm.id}/plan/suggestions/${suggested.suggestions[0].id}/decline`, {
      reason: c.declineReason,
    }),
  );
  answers.comment =
    answers.suggestionMessage =
    answers.declineReason =
      JSON.stringify(await ok(coach.client.get(`/api/pms/${pm.id}/plan`)));

  // The PM's reflection (shared) and the coach's private note about their coaching.
  const entry = await ok(pm.client.post(`/api/pms/${pm.id}/reflections`, { body: c.reflection }));
  await ok(pm.client.put(`/api/pms/${pm.id}/reflections/${entry.id}/share`, { shared: true }));
  answers.reflection = JSON.stringify(await ok(coach.client.get(`/api/pms/${pm.id}/reflections`)));
  await ok(coach.client.post(`/api/pms/${pm.id}/reflections`, { body: c.coachPrivateNote }));
  answers.coachPrivateNote = JSON.stringify(await ok(coach.client.get(`/api/pms/${pm.id}/reflections`)));

  // A coaching session: shared notes, the coach's private note, an agenda item.
  const today = new Date().toISOString().slice(0, 10);
  const session = await ok(
    coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, { startsAt: `${today}T14:30`, timeZone: 'UTC' }),
  );
  await ok(pm.client.post(`/api/coaching-sessions/${session.id}/agenda`, { text: c.agendaItem }));
  await ok(coach.client.put(`/api/coaching-sessions/${session.id}/notes`, { body: c.sharedNotes }));
  await ok(
    coach.client.put(`/api/coaching-sessions/${session.id}/private-note`, { body: c.sessionPrivateNote }),
  );
  answers.sessionPrivateNote = JSON.stringify(
    await ok(coach.client.get(`/api/coaching-sessions/${session.id}`)),
  );
  answers.sharedNotes = answers.agendaItem = JSON.stringify(
    await ok(pm.client.get(`/api/coaching-sessions/${session.id}`)),
  );

  // A check-in shared with the coach.
  await ok(
    pm.client.post(`/api/pms/${pm.id}/check-ins`, {
      emotions: ['calm'],
      about: { kind: 'general' },
      why: c.checkInWhy,
      private: false,
    }),
  );
  answers.checkInWhy = JSON.stringify(await ok(coach.client.get(`/api/pms/${pm.id}/check-ins`)));

  // A nudge and the PM's answer (each also reaches the other's inbox).
  const nudge = await ok(coach.client.post(`/api/pms/${pm.id}/nudges`, { text: c.nudge }));
  await ok(pm.client.post(`/api/pms/${pm.id}/nudges/${nudge.id}/reply`, { text: c.nudgeReply }));
  answers.nudge = JSON.stringify([
    await ok(pm.client.get(`/api/pms/${pm.id}/nudges`)),
    await ok(pm.client.get('/api/me/inbox')),
  ]);
  // Refused writes carrying the words are logged (as refusals), never with the words.
  const refused = await coach.client.post(`/api/pms/${pm.id}/check-ins`, {
    emotions: ['calm'],
    about: { kind: 'general' },
    why: c.checkInWhy,
    private: false,
  });
  expect(refused.status).toBe(403);
  expect(
    (await pm.client.put(`/api/coaching-sessions/${session.id}/notes`, { body: 7, note: c.sharedNotes }))
      .status,
  ).toBe(400);
  answers.nudgeReply = JSON.stringify([
    await ok(coach.client.get(`/api/pms/${pm.id}/nudges`)),
    await ok(coach.client.get('/api/me/inbox')),
  ]);
}, 60_000);

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
  it('shows each field to the people allowed', () => {
    for (const [field, value] of Object.entries(c)) expect(answers[field], field).toContain(value);
  });

  it('keeps none of them in the database, and the search would find clear text', () => {
    const stored = storedBytes();
    expect(stored, 'a clear plan headline is found: the search works').toContain(clearHeadline);
    const found = Object.entries(c).filter(([, value]) => stored.includes(value));
    expect(found.map(([field]) => field)).toEqual([]);
    expect(stored).toMatch(/wh1:[\w-]+:/);
  });

  it('writes none of them to the logs', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const logs = logLines.join('');
    expect(Object.keys(c).filter((field) => logs.includes(c[field as keyof typeof c]))).toEqual([]);
  });
});
