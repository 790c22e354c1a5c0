import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, signedInPerson, tabTo, useBrowserApp } from '../support/browser.js';
import { pairWithWheel } from './plan-support.js';

const ctx = useBrowserApp();

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NTH = ['first', 'second', 'third', 'fourth'];
/** What the form offers for tomorrow (its preselected date): "Every month on the second Tuesday". */
function monthlyWordsForTomorrow() {
  const d = new Date(`${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
  const nth = d.getUTCDate() > 28 ? 'last' : NTH[Math.ceil(d.getUTCDate() / 7) - 1];
  return `Every month on the ${nth} ${DAYS[d.getUTCDay()]}`;
}

describe('recurring coaching sessions in the browser (issue 21)', () => {
  test('a coach schedules a monthly series with the keyboard only, cancels one occurrence with a reason; the PM sees it', async () => {
    const { coach, pm } = await pairWithWheel(ctx.app);
    const cora = await signedInPerson(ctx, coach.email, { path: `/pms/${pm.id}/coaching-sessions` });
    const c = cora.page;
    await c.getByRole('heading', { name: 'Coaching sessions with Pat Park', level: 1 }).waitFor();
    // The time zone is a list with the device's zone preselected, not a text box.
    const zone = c.getByLabel('Time zone');
    expect(await zone.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await zone.inputValue()).toBe(
      await c.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    );

    // Keyboard only: Tab to each control, type ahead in the lists, Enter to schedule.
    await tabTo(c, 'Time zone');
    await c.keyboard.type('Europe/Berlin');
    expect(await zone.inputValue()).toBe('Europe/Berlin');
    await tabTo(c, 'Repeats');
    await c.keyboard.type('Every month');
    const words = monthlyWordsForTomorrow();
    expect(
      await c.getByLabel('Repeats').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent),
    ).toBe(words);
    await tabTo(c, 'Schedule');
    await c.keyboard.press('Enter');
    await c.getByRole('heading', { name: 'Monthly coaching session with Pat Park', level: 1 }).waitFor();
    await c.getByText(words, { exact: false }).first().waitFor();
    await expectNoAxeViolations(c);

    // Cancel this one occurrence: a confirmation, a reason, this one only.
    await c.getByRole('button', { name: 'Cancel it…' }).click();
    const dialog = c.getByRole('dialog', { name: 'Cancel this coaching session?' });
    await dialog.waitFor();
    await expectNoAxeViolations(c);
    expect(await dialog.getByLabel('Only this one').isChecked()).toBe(true);
    await dialog.getByLabel('Reason (optional)').fill('Travelling that week');
    await dialog.getByRole('button', { name: 'Cancel the coaching session' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await c.getByText('Why it was cancelled: Travelling that week').waitFor();

    // Pat, in another browser: the cancelled one with its reason, the rest of the series still on, and a notice.
    const pat = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}/coaching-sessions` });
    const p = pat.page;
    await p.getByRole('heading', { name: 'Your coaching sessions', level: 1 }).waitFor();
    await p.getByText('Why: Travelling that week', { exact: false }).waitFor();
    const upcoming = p.getByRole('region', { name: 'Upcoming' });
    expect(await upcoming.getByText(words, { exact: false }).count()).toBeGreaterThan(1);
    await expectNoAxeViolations(p);
    await p.goto('/inbox');
    await p.getByText('Coaching session with Cora Coach on', { exact: false }).first().waitFor();
    await p
      .getByText(/cancelled$/)
      .first()
      .waitFor();
    expect([...cora.problems, ...pat.problems]).toEqual([]);
  }, 150_000);
});
