import { describe, expect, it } from 'vitest';
import { textVersion } from '../../common/text-version.js';
import { buildPm, buildWorkspace, type Person } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

/** Saves while typing carry the version of the text they started from (decision 057). */
const app = useTestApp({ perTest: true });

async function pmWithTheme() {
  const coach = await buildWorkspace(app);
  const pm = await buildPm(app, coach, 'Pat PM');
  const res = await pm.client.post(`/api/pms/${pm.id}/plan`, {
    headline: 'Own discovery',
    focus: 'Users first.',
    themes: [{ title: 'Talk to users', why: 'I build on guesses.', actions: [{ text: 'Three interviews' }] }],
  });
  expect(res.status, res.text).toBe(200);
  const theme = res.body.themes[0];
  return { pm, themeId: theme.id as string, actionId: theme.actions[0].id as string };
}

const planOf = async (pm: Person) => (await pm.client.get(`/api/pms/${pm.id}/plan`)).body.plan;

describe('a save from a stale copy of a text field', () => {
  it('is refused with 409 and the current text, and changes nothing; a save from the current text passes', async () => {
    const { pm, themeId } = await pmWithTheme();
    const themeUrl = `/api/pms/${pm.id}/plan/themes/${themeId}`;
    const started = textVersion('I build on guesses.');
    // Tab one saves first, from the text both tabs loaded.
    const first = await pm.client.patch(themeUrl, { why: 'Tab one’s words.', versions: { why: started } });
    expect(first.status, first.text).toBe(200);
    // Tab two started from the same text: refused, told what is there now.
    const second = await pm.client.patch(themeUrl, { why: 'Tab two’s words.', versions: { why: started } });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'edit_conflict', current: { why: 'Tab one’s words.' } });
    expect(second.body.error.message).toMatch(/Nothing was overwritten/);
    expect((await planOf(pm)).themes[0].why).toBe('Tab one’s words.');
    // Having seen the current text, tab two may keep its own.
    const third = await pm.client.patch(themeUrl, {
      why: 'Tab two’s words.',
      versions: { why: textVersion('Tab one’s words.') },
    });
    expect(third.status, third.text).toBe(200);
    expect((await planOf(pm)).themes[0].why).toBe('Tab two’s words.');
  });

  it('checks each field on its own: a change to the title does not make the why stale', async () => {
    const { pm, themeId } = await pmWithTheme();
    const themeUrl = `/api/pms/${pm.id}/plan/themes/${themeId}`;
    await pm.client.patch(themeUrl, {
      title: 'Talk to users weekly',
      versions: { title: textVersion('Talk to users') },
    });
    const why = await pm.client.patch(themeUrl, {
      why: 'Guesses cost us a quarter.',
      versions: { why: textVersion('I build on guesses.') },
    });
    expect(why.status, why.text).toBe(200);
  });

  it('guards the plan’s headline and an action’s evidence the same way', async () => {
    const { pm, actionId } = await pmWithTheme();
    const stale = await pm.client.patch(`/api/pms/${pm.id}/plan`, {
      focus: 'Something else',
      versions: { focus: textVersion('not what is stored') },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toEqual({ focus: 'Users first.' });
    const actionUrl = `/api/pms/${pm.id}/plan/actions/${actionId}`;
    const staleAction = await pm.client.patch(actionUrl, {
      evidence: 'Done in March',
      versions: { evidence: textVersion('old evidence') },
    });
    expect(staleAction.status).toBe(409);
    expect(staleAction.body.error.current).toEqual({ evidence: '' });
    const plan = await planOf(pm);
    expect(plan.focus).toBe('Users first.');
    expect(plan.themes[0].actions[0].evidence).toBe('');
  });

  it('from ten parallel saves made from the same version, exactly one wins (three rounds)', async () => {
    const { pm, themeId } = await pmWithTheme();
    const themeUrl = `/api/pms/${pm.id}/plan/themes/${themeId}`;
    let stored = 'I build on guesses.';
    for (let round = 0; round < 3; round++) {
      const started = textVersion(stored);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          pm.client.patch(themeUrl, { why: `Round ${round}, tab ${i}`, versions: { why: started } }),
        ),
      );
      const won = answers.filter((a) => a.status === 200);
      expect(won).toHaveLength(1);
      expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual(Array(9).fill(409));
      stored = won[0]!.body.themes[0].why as string;
      expect((await planOf(pm)).themes[0].why).toBe(stored);
    }
  });

  it('guards a private note of a coaching session, even before it exists, and only its author’s', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Pat PM');
    const scheduled = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2031-03-04T14:30',
      timeZone: 'Europe/Berlin',
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    const url = `/api/coaching-sessions/${scheduled.body.id}/private-note`;
    const empty = textVersion('');
    const first = await pm.client.put(url, { body: 'Tab one.', versions: { body: empty } });
    expect(first.status, first.text).toBe(200);
    const stale = await pm.client.put(url, { body: 'Tab two.', versions: { body: empty } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'edit_conflict', current: { body: 'Tab one.' } });
    // The coach's own note is another row: the PM's words are neither a conflict nor shown to them.
    const coachNote = await coach.client.put(url, { body: 'Coach’s own.', versions: { body: empty } });
    expect(coachNote.status, coachNote.text).toBe(200);
    expect((await pm.client.get(`/api/coaching-sessions/${scheduled.body.id}`)).body.privateNote).toBe(
      'Tab one.',
    );
  });

  it('guards a reflection edited in two tabs: the later save is refused with the earlier words', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Pat PM');
    const created = await pm.client.post(`/api/pms/${pm.id}/reflections`, { body: 'First thoughts.' });
    expect(created.status, created.text).toBe(200);
    const url = `/api/pms/${pm.id}/reflections/${created.body.id}`;
    const started = textVersion('First thoughts.');
    const one = await pm.client.patch(url, { body: 'From the laptop.', versions: { body: started } });
    expect(one.status, one.text).toBe(200);
    const two = await pm.client.patch(url, { body: 'From the phone.', versions: { body: started } });
    expect(two.status).toBe(409);
    expect(two.body.error).toMatchObject({ code: 'edit_conflict', current: { body: 'From the laptop.' } });
    const journal = await pm.client.get(`/api/pms/${pm.id}/reflections`);
    expect(JSON.stringify(journal.body)).toContain('From the laptop.');
    expect(JSON.stringify(journal.body)).not.toContain('From the phone.');
    const kept = await pm.client.patch(url, {
      body: 'From the phone.',
      versions: { body: textVersion('From the laptop.') },
    });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.body.body).toBe('From the phone.');
  });

  it('refuses a versions entry for a field that has none, in words', async () => {
    const { pm, themeId } = await pmWithTheme();
    const res = await pm.client.patch(`/api/pms/${pm.id}/plan/themes/${themeId}`, {
      why: 'x',
      versions: { areas: 'abc' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/versions/);
  });
});
