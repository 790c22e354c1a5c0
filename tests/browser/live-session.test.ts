import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPm, buildWorkspace } from '../support/factories.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectNoAxeViolations, signedInPerson, useBrowserApp, webRoot } from '../support/browser.js';

/**
 * Issue 20: the coaching session live for both people. Two browser profiles (the coach and the
 * PM) on the same session page; what one types in the shared notes shows on the other's page.
 */
const ctx = useBrowserApp();
const today = () => new Date().toISOString().slice(0, 10);

/** Cora (coach) and Pat (PM) on their coaching session's page: on one instance, or one each. */
async function bothOnTheSession(coachApp: TestApp, pmApp: TestApp = coachApp) {
  const coach = await buildWorkspace(coachApp);
  const pm = await buildPm(coachApp, coach, 'Pat Park');
  const s = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
    startsAt: `${today()}T15:00`,
    timeZone: 'UTC',
  });
  expect(s.status, s.text).toBe(200);
  const path = `/coaching-sessions/${s.body.id}`;
  const cora = await signedInPerson({ browser: ctx.browser, app: coachApp }, coach.email, { path });
  const pat = await signedInPerson({ browser: ctx.browser, app: pmApp }, pm.email, { path });
  for (const page of [cora.page, pat.page]) await page.getByLabel('Shared notes').waitFor();
  return { coach, pm, id: s.body.id as string, cora, pat };
}

const notesOf = (page: Page) => page.getByLabel('Shared notes').inputValue();

/** Both type a line at the same moment; both lines are on both pages within a second. */
async function typeAtOnce(c: Page, p: Page) {
  await c.getByLabel('Shared notes').focus();
  await p.getByLabel('Shared notes').focus();
  await Promise.all([
    c.keyboard.type('Coach: the roadmap review'),
    p.keyboard.type('PM: practise saying no'),
  ]);
  const typed = Date.now();
  const both = async (page: Page) => {
    const text = await notesOf(page);
    return text.includes('Coach: the roadmap review') && text.includes('PM: practise saying no');
  };
  await Promise.all(
    [c, p].map((page) => expect.poll(() => both(page), { timeout: 1000, interval: 20 }).toBe(true)),
  );
  expect(Date.now() - typed).toBeLessThan(1000);
  expect(await notesOf(c)).toBe(await notesOf(p));
}

describe('the live coaching session in the browser', () => {
  test('coach and PM type into the shared notes at the same moment: both lines kept, on both pages within a second', async () => {
    const { cora, pat, pm, coach, id } = await bothOnTheSession(ctx.app);
    const c = cora.page;
    const p = pat.page;
    await p.getByText('Ada Admin is on this page too.').waitFor();
    await c.getByText('Pat Park is on this page too.').waitFor();
    await typeAtOnce(c, p);
    await expectNoAxeViolations(p);

    // Other parts follow without a reload: an agenda item, the start, the other person's end.
    await pm.client.post(`/api/coaching-sessions/${id}/agenda`, { text: 'The team lead role' });
    await c.getByText('The team lead role').waitFor({ timeout: 1000 });
    await coach.client.post(`/api/coaching-sessions/${id}/start`);
    await p.getByRole('button', { name: 'End the coaching session' }).waitFor({ timeout: 1000 });
    await p.getByRole('button', { name: 'End the coaching session' }).click();
    await c.getByText('Pat Park ended the coaching session.').waitFor({ timeout: 1000 });
    expect(await p.getByText('ended the coaching session.').count()).toBe(0);
    await expectNoAxeViolations(c);
  }, 90_000);

  test('a page offline for 30 seconds keeps what is typed and sends it when back', async () => {
    const { cora, pat } = await bothOnTheSession(ctx.app);
    const c = cora.page;
    const p = pat.page;
    await c.getByText('Pat Park is on this page too.').waitFor();
    await pat.context.setOffline(true);
    await p.getByText('Connection lost. Your edits are kept and sent when it is back.').waitFor();
    await p.getByLabel('Shared notes').focus();
    await p.keyboard.type('Written on the train');
    await c.getByLabel('Shared notes').focus();
    await c.keyboard.type('Meanwhile, the coach. ');
    await new Promise((r) => setTimeout(r, 30_000));
    expect(await notesOf(c)).not.toContain('Written on the train');
    await pat.context.setOffline(false);
    await expect
      .poll(() => notesOf(c), { timeout: 10_000 })
      .toMatch(/Meanwhile, the coach\. .*Written on the train|Written on the train.*Meanwhile, the coach\./s);
    await expect.poll(() => notesOf(p), { timeout: 5000 }).toBe(await notesOf(c));
    await p.getByText('Ada Admin is on this page too.').waitFor();
  }, 90_000);

  test('words that would take the shared notes over 20,000 characters are refused, in words, and the page shows the notes as stored', async () => {
    const { cora, pat, id, pm } = await bothOnTheSession(ctx.app);
    const c = cora.page;
    const p = pat.page;
    const start = 'n'.repeat(19_995);
    expect((await pm.client.put(`/api/coaching-sessions/${id}/notes`, { body: start })).status).toBe(200);
    await expect.poll(() => notesOf(p), { timeout: 2000 }).toBe(start);
    await c.getByText('Pat Park is on this page too.').waitFor();
    // Offline, Pat fills the last five characters; meanwhile Cora takes three of them.
    await pat.context.setOffline(true);
    await p.getByText('Connection lost. Your edits are kept and sent when it is back.').waitFor();
    await p.getByLabel('Shared notes').focus();
    await p.keyboard.press('End');
    await p.keyboard.type('Pat12');
    await c.getByLabel('Shared notes').focus();
    await c.keyboard.press('Control+Home');
    await c.keyboard.type('abc');
    await expect
      .poll(() => pm.client.get(`/api/coaching-sessions/${id}`).then((r) => r.body.sharedNotes.length), {
        timeout: 5000,
      })
      .toBe(19_998);
    await pat.context.setOffline(false);
    await p
      .getByText('The shared notes are full (20,000 characters), so your last words were not added.', {
        exact: false,
      })
      .waitFor({ timeout: 5000 });
    await expect.poll(() => notesOf(p), { timeout: 5000 }).toBe(`abc${start}`);
    expect(await notesOf(c)).toBe(`abc${start}`);
    await expectNoAxeViolations(p);
  }, 150_000);

  test('a coach whose pair ends is taken off the page at once', async () => {
    const { cora, pat, pm } = await bothOnTheSession(ctx.app);
    const c = cora.page;
    await c.getByText('Pat Park is on this page too.').waitFor();
    const ended = await pm.client.post(`/api/pairs/${pm.pairId}/end`);
    expect(ended.status, ended.text).toBe(200);
    await c
      .getByText('This pairing has ended, so the coaching session is no longer open to you.')
      .waitFor({ timeout: 1000 });
    expect(await c.getByLabel('Shared notes').count()).toBe(0);
    await pat.page.getByText('Only you are on this page right now.').waitFor({ timeout: 2000 });
    await expectNoAxeViolations(c);
  }, 90_000);
});

describe('two instances over one PostgreSQL', () => {
  let cluster: Awaited<ReturnType<typeof startPostgresCluster>>;
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    one = await startTestApp({ engine: 'postgres', postgresUrl: cluster.url, webRoot });
    two = await startTestApp({ databaseUrl: one.deps.config.databaseUrl, webRoot });
  }, 90_000);
  afterAll(async () => {
    await two?.close();
    await one?.close();
    cluster?.stop();
  });

  test('the coach on one instance and the PM on the other type at once: both lines on both pages within a second', async () => {
    const { cora, pat } = await bothOnTheSession(one, two);
    await cora.page.getByText('Pat Park is on this page too.').waitFor();
    await typeAtOnce(cora.page, pat.page);
  }, 90_000);
});
