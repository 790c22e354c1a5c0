import type { Page } from 'playwright-core';
import { focusedName } from '../support/browser.js';
import { buildMember, buildPm, buildRound, buildWorkspace } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

/** Helpers for the plan's browser tests: a pair with a revealed wheel, a plan over HTTP, keyboard moves. */

/** Cora coaches Pat; one wheel round is revealed (Agile low, gaps on Team and Understand the problem). */
export async function pairWithWheel(app: TestApp) {
  const admin = await buildWorkspace(app);
  const coach = await buildMember(app, admin, 'Cora Coach');
  const pm = await buildPm(app, coach, 'Pat Park');
  await buildRound(pm, coach, {
    self: { 'understand-the-problem': 8, team: 9, agile: 3, 'find-solutions': 5 },
    coach: { 'understand-the-problem': 5, team: 6, agile: 4, 'find-solutions': 5 },
  });
  return { coach, pm };
}

/** Pat starts a plan over HTTP (so a test's browser steps are only the ones it is about). */
export async function startPlan(
  pm: {
    id: string;
    client: { post: (path: string, body: unknown) => Promise<{ status: number; text: string; body: any }> };
  },
  themes: unknown[] = [],
) {
  const res = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Own discovery end to end',
    themes,
  });
  if (res.status !== 200) throw new Error(`start plan failed: ${res.text}`);
  return res.body as { id: string; themes: { id: string; actions: { id: string; status: string }[] }[] };
}

/** Presses Tab until the focused element is called `name` (fails after `max` presses: a trap or a missing control). */
export async function tabTo(page: Page, name: string | RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached “${String(name)}”`);
}

/** Whether the focused element shows a focus ring. */
export const focusRingShows = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle !== 'none');
