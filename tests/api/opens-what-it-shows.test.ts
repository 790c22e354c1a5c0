import { describe, expect, it } from 'vitest';
import type { ColourHistory } from '../../common/coaching-sessions.js';
import type { PmSummary } from '../../common/home.js';
import { openedValues } from '../../server/crypto/field-crypto.js';
import { Client } from '../support/client.js';
import { useTestApp } from '../support/test-app.js';

/**
 * A page opens (decrypts) only the sealed values it shows (issue 24): the home showed six months
 * of colours and opened every colour reason and theme title of two years of coaching sessions.
 */
const app = useTestApp();

/** The last `n` months of a whole colour history, as a home page shows it. */
function lastMonths(history: ColourHistory, n: number): ColourHistory {
  const months = history.months.slice(-n);
  return {
    months,
    themes: history.themes
      .map((t) => ({ ...t, cells: t.cells.slice(-n) }))
      .filter((t) => t.current || t.cells.some((c) => c.colour !== null)),
  };
}

/** The sealed texts a summary shows: the plan's headline, theme titles and colour reasons. */
const shownTexts = (s: PmSummary) =>
  [
    s.plan?.headline ?? '',
    ...s.colourHistory.themes.flatMap((t) => [t.title, ...t.cells.map((c) => c.why ?? '')]),
  ].filter((text) => text !== '').length;

describe('the home page', () => {
  it("opens only the colour reasons and titles it shows of two years of the demo's coaching sessions", async () => {
    const coach = new Client(app.url);
    await coach.start();
    expect((await coach.post('/api/demo')).status).toBe(200);
    expect((await coach.get('/api/home')).status).toBe(200); // builds the wheels' cache once

    const before = openedValues.count;
    const home = await coach.get('/api/home');
    const opened = openedValues.count - before;

    expect(home.status, home.text).toBe(200);
    const summaries = [home.body.me, ...home.body.coached] as PmSummary[];
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    expect(opened).toBe(summaries.reduce((n, s) => n + shownTexts(s), 0));
    // Every reason and title shown is the one stored: the same as the PM's whole colour history.
    for (const summary of home.body.coached as PmSummary[]) {
      const whole = await coach.get(`/api/pms/${summary.pm.id}/coaching-sessions`);
      expect(whole.status, whole.text).toBe(200);
      expect(summary.colourHistory.months.length).toBe(6);
      expect(summary.colourHistory).toEqual(lastMonths(whole.body.colourHistory, 6));
    }
  });
});
