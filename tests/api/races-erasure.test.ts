import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { PASSWORD, buildPm, buildWorkspace } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

type Answer = { status: number; at: number };

/**
 * Sends `request` over and over from `lanes` parallel loops until `stop()` says so, then a few
 * more, so requests are in flight before, during and right after the erasure's commit. Bounded.
 */
async function keepSending(
  lanes: number,
  stop: () => boolean,
  request: (i: number) => Promise<{ status: number }>,
) {
  const answers: Answer[] = [];
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      let after = 0;
      for (let i = 0; i < 400 && after < 3; i++) {
        if (stop()) after++;
        const res = await request(lane * 1000 + i);
        answers.push({ status: res.status, at: Date.now() });
      }
    }),
  );
  return answers;
}

/** Erasure against writes in flight (issue 19 row 3): what lands after it must be refused, not kept. */
describe('an erasure with writes in flight', () => {
  it('leaves no pulse, check-in or access-log line of the erased PM, and refuses the late writes clearly', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Pat PM');
    const base = `/api/pms/${pm.id}`;
    const board = await pm.client.get(`${base}/pulses`);
    const key = board.body.areas[0].key;
    const pulse = (client: Client, i: number) =>
      i % 2
        ? client.post(`${base}/pulses`, { key, score: 6, higher: `late pulse ${i}` })
        : client.post(`${base}/check-ins`, { emotions: ['curious'], why: `late check-in ${i}` });

    let erased = false;
    const erasure = (async () => {
      await new Promise((r) => setTimeout(r, 150));
      const res = await pm.client.post('/api/account/erasure', { password: PASSWORD, confirm: true });
      erased = true;
      return res;
    })();
    const [done, own, coachReads] = await Promise.all([
      erasure,
      keepSending(
        4,
        () => erased,
        (i) => pulse(pm.client, i),
      ),
      keepSending(
        2,
        () => erased,
        () => coach.client.get(`${base}/check-ins`),
      ),
    ]);
    expect(done.status, done.text).toBe(200);

    // Before the erasure some writes succeeded; after it, the PM is signed out (401, or 403 for the CSRF token of the ended session) and the coach
    // finds nothing. No answer is a 500.
    expect(own.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    for (const a of [...own, ...coachReads]) expect([200, 401, 403, 404]).toContain(a.status);

    const { db } = app.deps;
    for (const table of ['pulses', 'check_ins', 'access_log'] as const) {
      const left = await db.selectFrom(table).select('id').where('pm_id', '=', pm.id).execute();
      expect(left, `${table} rows of the erased PM`).toEqual([]);
    }
  });
});
