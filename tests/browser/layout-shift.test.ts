import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newPerson, signInOverHttp, useBrowserApp } from '../support/browser.js';
import { pairWithWheel } from './plan-support.js';

const ctx = useBrowserApp();

/** Sums every layout shift the page records (PerformanceObserver, buffered from the start). */
const recordShifts = () => {
  const w = window as unknown as { shifts: { value: number; nodes: string[] }[] };
  w.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    }[]) {
      if (entry.hadRecentInput) continue;
      const nodes = (entry.sources ?? []).map((s) =>
        s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node),
      );
      w.shifts.push({ value: entry.value, nodes });
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

const shiftsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { shifts: { value: number; nodes: string[] }[] }).shifts);

/**
 * A PM's home in a fresh profile (nothing remembered from an earlier visit) with /api/pairs held
 * back until the page has painted: the navigation learns only then that the person is a PM.
 */
async function homeWithLatePairs(width: number) {
  const { pm } = await pairWithWheel(ctx.app);
  const person = await newPerson(ctx.browser, ctx.app.url, { width });
  await signInOverHttp(person.context, pm.email);
  await person.page.addInitScript(recordShifts);
  let answered = false;
  await person.page.route('**/api/pairs', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
    answered = true;
  });
  await person.page.goto('/');
  await person.page.getByRole('region', { name: 'Your wheel' }).waitFor();
  await person.page.waitForTimeout(300); // shifts are reported after the frame that made them
  expect(answered).toBe(true);
  return person.page;
}

describe('the page holds still while the navigation’s data arrives', () => {
  for (const [device, width] of [
    ['phone', 412],
    ['wide screen', 1280],
  ] as const)
    test(`a PM’s home on a ${device}: layout shift under 0.02 after /api/pairs answers`, async () => {
      const page = await homeWithLatePairs(width);
      const shifts = await shiftsOf(page);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      expect(total, JSON.stringify(shifts)).toBeLessThan(0.02);
      // The PM's items are in the menu (collapsed on a phone) once the answer is in.
      const plan = page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Your plan', includeHidden: true });
      expect(await plan.count()).toBe(1);
    });
});
