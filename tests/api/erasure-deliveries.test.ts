import { describe, expect, it } from 'vitest';
import { dueCoachPrompts } from '../../server/features/cadence/nudges/coach-prompts.js';
import { enqueueDelivery } from '../../server/features/cadence/deliveries/outbox.js';
import { PASSWORD, buildPm, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp();

/**
 * Issue 19 / decision 043: a notification that names an erased PM only in its text (sealed at
 * rest, so no SQL LIKE reaches it) goes with the erasure, like one that names them in its title.
 */
describe('an erased PM leaves no notification behind', () => {
  it('takes the coach’s weekly prompt that names them among other PMs (link "/", name in the text only)', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Zelda Zephyr');
    await buildPm(app, coach, 'Quinn Quiet');
    const monday = new Date('2026-11-30T08:00:00.000Z');
    const [prompt] = await dueCoachPrompts({ db: app.deps.db, now: monday, config: app.deps.config });
    expect(prompt).toMatchObject({ recipientId: coach.id, title: 'Your weekly nudge ideas', link: '/' });
    await enqueueDelivery({ db: app.deps.db, now: monday, delivery: prompt! });
    const inbox = async () => JSON.stringify((await coach.client.get('/api/me/inbox')).body);
    expect(await inbox()).toContain('Zelda Zephyr');

    const erased = await pm.client.post('/api/account/erasure', { password: PASSWORD, confirm: true });
    expect(erased.status, erased.text).toBe(200);

    expect(await inbox()).not.toContain('Zelda Zephyr');
    expect(await inbox()).not.toContain(pm.id);
  });
});
