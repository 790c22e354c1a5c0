import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  scrollsSideways,
  signInOverHttp,
  useBrowserApp,
} from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { buildMember, buildPm, buildRound, buildWorkspace } from '../support/factories.js';
import { startPlan } from './plan-support.js';

const ctx = useBrowserApp();

/** A phone: 375 × 812 CSS pixels, in the given colour scheme. */
async function phone(browser: Browser, app: TestApp, colorScheme: 'light' | 'dark') {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    baseURL: app.url,
    viewport: { width: 375, height: 812 },
    colorScheme,
    hasTouch: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { context, page, problems };
}

/**
 * What a person notices on a phone: the header's height, the smallest visible text (SVG text
 * at its drawn size) and whether the page scrolls sideways.
 */
const measure = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0;
    let smallest = { px: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // visually hidden, for screen readers
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) px *= el.getScreenCTM()?.a ?? 1; // drawn size in a scaled SVG
      if (px < smallest.px) smallest = { px: Math.round(px * 10) / 10, text: text.slice(0, 30) };
    }
    const root = document.documentElement;
    return { header: Math.round(header), smallest, sideways: root.scrollWidth > root.clientWidth };
  });

/** Pat (PM) and Cora (coach) with a revealed wheel, a three-theme plan and a coaching session. */
async function coachedPair(app: TestApp) {
  const admin = await buildWorkspace(app);
  const coach = await buildMember(app, admin, 'Cora Coach');
  const pm = await buildPm(app, coach, 'Pat Park');
  const round = await buildRound(pm, coach, {
    self: { 'understand-the-problem': 8, team: 9, agile: 3, 'find-solutions': 5 },
    coach: { 'understand-the-problem': 5, team: 6, agile: 4, 'find-solutions': 5 },
  });
  await startPlan(
    pm,
    ['Talk to users', 'Stakeholders', 'Storytelling'].map((title) => ({
      title,
      why: '',
      areas: [],
      traits: [],
      actions: [],
    })),
  );
  const session = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
    startsAt: `${new Date().toISOString().slice(0, 10)}T15:00`,
    timeZone: 'UTC',
  });
  expect(session.status, session.text).toBe(200);
  return { admin, coach, pm, roundId: round.id as string, sessionId: session.body.id as string };
}

describe.each(['light', 'dark'] as const)('every main page on a 375 × 812 phone, %s', (scheme) => {
  test('no sideways scroll, the header at most a quarter of the screen, no text under 12 px, axe WCAG 2.2 AA clean', async () => {
    const figures: string[] = [];
    const check = async (page: Page, name: string, ready: () => Promise<unknown>) => {
      await ready();
      const m = await measure(page);
      figures.push(
        `${name}: header ${m.header} px, smallest text ${m.smallest.px} px ("${m.smallest.text}")`,
      );
      expect(m.sideways, `${name} scrolls sideways`).toBe(false);
      expect(m.header, `${name}: header height`).toBeLessThanOrEqual(203);
      expect(m.smallest.px, `${name}: smallest text "${m.smallest.text}"`).toBeGreaterThanOrEqual(12);
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page);
    };

    const first = await phone(ctx.browser, ctx.app, scheme);
    await first.page.goto('/');
    await check(first.page, 'first run', () =>
      first.page.getByRole('heading', { name: 'Set up Wheelhouse' }).waitFor(),
    );

    const { admin: ada, coach, pm, roundId, sessionId } = await coachedPair(ctx.app);
    const admin = await phone(ctx.browser, ctx.app, scheme);
    await signInOverHttp(admin.context, ada.email);
    await admin.page.goto('/admin');
    await check(admin.page, 'admin', () =>
      admin.page.getByRole('heading', { name: 'Admin', level: 1 }).waitFor(),
    );

    const cora = await phone(ctx.browser, ctx.app, scheme);
    await signInOverHttp(cora.context, coach.email);
    await cora.page.goto('/');
    await check(cora.page, 'coach home', () =>
      cora.page.getByRole('heading', { name: /^Hello, Cora/ }).waitFor(),
    );

    const pat = await phone(ctx.browser, ctx.app, scheme);
    const p = pat.page;
    await signInOverHttp(pat.context, pm.email);
    const visit = async (path: string, name: string, heading: string | RegExp) => {
      await p.goto(path);
      await check(p, name, () => p.getByRole('heading', { name: heading, level: 1 }).waitFor());
    };
    await visit('/', 'PM home', /^Hello, Pat/);
    await p.goto(`/rounds/${roundId}`);
    await check(p, 'compared wheel', () => p.getByRole('img', { name: /wheel/i }).first().waitFor());
    await visit(`/pms/${pm.id}/plan`, 'plan', /plan/i);
    await visit(`/coaching-sessions/${sessionId}`, 'session page', /coaching session/i);
    await visit(`/pms/${pm.id}/check-in`, 'check-in', 'How do you feel?');
    await visit('/account/notifications', 'notifications', 'Notifications');
    await visit('/account', 'account', 'Account');
    console.log(`phone figures (${scheme}):\n  ${figures.join('\n  ')}`);
    expect([...first.problems, ...admin.problems, ...cora.problems, ...pat.problems]).toEqual([]);
  }, 300_000);
});

describe('the menu on a phone', () => {
  test('a button naming the current page opens the menu; Escape closes it and gives focus back; the keyboard reaches every item', async () => {
    const { pm } = await coachedPair(ctx.app);
    const { page, context, problems } = await phone(ctx.browser, ctx.app, 'light');
    await signInOverHttp(context, pm.email);
    await page.goto(`/pms/${pm.id}/plan`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const toggle = nav.getByRole('button', { name: 'Menu: Your plan' });
    await toggle.waitFor();
    expect(await nav.getByRole('link', { name: 'Your wheel' }).isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Home');
    await nav.getByRole('link', { name: 'Your wheel' }).waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await nav.getByRole('link', { name: 'Your wheel' }).isVisible()).toBe(false);

    // Choosing a page closes the menu and names the new page.
    await toggle.click();
    await nav.getByRole('link', { name: 'Your wheel' }).click();
    await nav.getByRole('button', { name: 'Menu: Your wheel', expanded: false }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('dark mode', () => {
  test('follows the system, and the choice on the account page overrides it and stays after a reload', async () => {
    const { pm } = await coachedPair(ctx.app);
    const { page, context, problems } = await phone(ctx.browser, ctx.app, 'dark');
    await signInOverHttp(context, pm.email);
    await page.goto('/account');
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = await background();
    expect(await page.getByRole('radio', { name: /^System/ }).isChecked()).toBe(true);

    await page.getByRole('radio', { name: 'Light' }).check();
    const light = await background();
    expect(light).not.toBe(dark);
    await expectNoAxeViolations(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    expect(await page.getByRole('radio', { name: 'Light' }).isChecked()).toBe(true);
    expect(await background()).toBe(light);

    await page.getByRole('radio', { name: /^System/ }).check();
    expect(await background()).toBe(dark);
    expect(problems).toEqual([]);
  });
});
