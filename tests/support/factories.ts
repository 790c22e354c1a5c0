import { Client } from './client.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'a long test password';
let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}-${Math.random().toString(36).slice(2, 7)}`;

export interface Person {
  id: string;
  email: string;
  name: string;
  client: Client;
}

/** First run: the workspace and its admin (who may also coach), signed in. */
export async function buildWorkspace(app: TestApp, name = 'Acme Product'): Promise<Person> {
  const client = new Client(app.url);
  await client.start();
  const email = `${unique('admin')}@example.com`;
  const res = await client.post('/api/setup', {
    workspaceName: name,
    name: 'Ada Admin',
    email,
    password: PASSWORD,
  });
  if (res.status !== 200) throw new Error(`setup failed: ${res.text}`);
  return { id: res.body.me.id, email, name: 'Ada Admin', client };
}

/** Someone signs up through an invitation link; returns them signed in. */
export async function signUpThrough(app: TestApp, link: string, name: string): Promise<Person> {
  const token = link.split('/invite/')[1]!;
  const client = new Client(app.url);
  await client.start();
  const res = await client.post(`/api/invitations/by-token/${token}/accept`, { name, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.text}`);
  return { id: res.body.me.id, email: res.body.me.email, name, client };
}

/** A member invited by the admin (not anyone's PM yet). */
export async function buildMember(app: TestApp, admin: Person, name = unique('Member ')): Promise<Person> {
  const email = `${unique('member')}@example.com`;
  const inv = await admin.client.post('/api/invitations', { email, kind: 'member' });
  if (inv.status !== 200) throw new Error(`invite failed: ${inv.text}`);
  return signUpThrough(app, inv.body.link, name);
}

/** A PM invited by `coach`: the accepted invitation makes them an active pair. */
export async function buildPm(
  app: TestApp,
  coach: Person,
  name = unique('Pat PM '),
): Promise<Person & { pairId: string }> {
  const email = `${unique('pm')}@example.com`;
  const inv = await coach.client.post('/api/invitations', { email, kind: 'pm' });
  if (inv.status !== 200) throw new Error(`invite failed: ${inv.text}`);
  const pm = await signUpThrough(app, inv.body.link, name);
  const pairs = await pm.client.get('/api/pairs');
  return { ...pm, pairId: pairs.body[0].id };
}

/** Signs a person in on a fresh client (a second browser). */
export async function signIn(app: TestApp, email: string, password = PASSWORD) {
  const client = new Client(app.url);
  await client.start();
  const res = await client.post('/api/auth/sign-in', { email, password });
  return { client, res };
}

// --- The wheel (issue 3) ---

/** Scores for every statement of a round's framework version: a number, or one per area key. */
export function scoresFor(
  round: { frameworkVersion: { areas: { key: string; statements: { key: string }[] }[] } },
  score: number | Record<string, number>,
) {
  return Object.fromEntries(
    round.frameworkVersion.areas.flatMap((a) =>
      a.statements.map((s) => [s.key, typeof score === 'number' ? score : (score[a.key] ?? 5)]),
    ),
  );
}

/** Opens a round for `pm` (by their coach) and, unless told otherwise, submits both sides. */
export async function buildRound(
  pm: Person,
  coach: Person,
  options: {
    self?: number | Record<string, number>;
    coach?: number | Record<string, number>;
    selfNotes?: Record<string, string>;
    submit?: boolean;
    title?: string;
  } = {},
) {
  const opened = await coach.client.post(
    `/api/pms/${pm.id}/rounds`,
    options.title ? { title: options.title } : {},
  );
  if (opened.status !== 200) throw new Error(`open round failed: ${opened.text}`);
  const round = opened.body;
  if (options.submit === false) return round;
  const self = await pm.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
    scores: scoresFor(round, options.self ?? 6),
    notes: options.selfNotes ?? {},
  });
  if (self.status !== 200) throw new Error(`self submit failed: ${self.text}`);
  const coachSide = await coach.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
    scores: scoresFor(round, options.coach ?? 6),
    nextBiggerChallenge: 'Lead the H2 strategy planning',
  });
  if (coachSide.status !== 200) throw new Error(`coach submit failed: ${coachSide.text}`);
  return round;
}
