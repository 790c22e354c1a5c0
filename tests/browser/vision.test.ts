import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, signedInPerson, useBrowserApp } from '../support/browser.js';
import { pairWithWheel } from './plan-support.js';

const ctx = useBrowserApp();

describe('the shared vision in the browser', () => {
  test('the coach proposes from the wheel, the PM accepts; a later change is agreed and the earlier version stays readable', async () => {
    const { coach, pm } = await pairWithWheel(ctx.app);
    const cora = await signedInPerson(ctx, coach.email, { path: `/pms/${pm.id}` });
    const c = cora.page;
    await c.getByRole('link', { name: 'Shared vision' }).click();
    await c.getByRole('heading', { name: "Pat Park's shared vision", level: 1 }).waitFor();
    await c.getByText('Nothing agreed yet.').waitFor();
    await expectNoAxeViolations(c);

    // The Next Bigger Challenge both wrote in the wheel round is one click away.
    await c.getByRole('button', { name: 'Use these words (you)' }).click();
    expect(await c.getByLabel('Next Bigger Challenge').inputValue()).toBe('Lead the H2 strategy planning');
    await c.getByLabel('Career direction').fill('Head of product for a platform team');
    await c.getByRole('button', { name: 'Propose', exact: true }).click();
    await c.getByRole('status').getByText('Proposal sent.').waitFor();
    const proposed = c.getByRole('region', { name: 'Proposed' });
    await proposed
      .getByText(/^You proposed this on .*Waiting for Pat to accept it or propose a change\.$/)
      .waitFor();
    expect(await proposed.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await expectNoAxeViolations(c);

    // The PM accepts with one click.
    const pat = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}/vision` });
    const p = pat.page;
    await p.getByRole('heading', { name: 'Your shared vision', level: 1 }).waitFor();
    await p
      .getByRole('region', { name: 'Proposed' })
      .getByText(/^Cora proposed this on/)
      .waitFor();
    await expectNoAxeViolations(p);
    await p.getByRole('button', { name: 'Accept' }).click();
    await p.getByRole('status').getByText('Agreed. The shared vision is updated.').waitFor();
    const agreed = p.getByRole('region', { name: 'Agreed' });
    await agreed.getByText('Lead the H2 strategy planning').waitFor();
    await agreed.getByText(/^Proposed by Cora on .*, accepted by you on/).waitFor();
    await agreed.getByText(/^Last revisited/).waitFor();

    // Revisiting: the PM proposes a change; the coach accepts; the first version stays readable.
    await p.getByLabel('Career direction').fill('Start my own product studio in five years');
    await p.getByRole('button', { name: 'Propose', exact: true }).click();
    await p
      .getByRole('region', { name: 'Proposed' })
      .getByText(/^You proposed this on/)
      .waitFor();
    await c.reload();
    await c.getByRole('button', { name: 'Accept' }).click();
    await c
      .getByRole('region', { name: 'Agreed' })
      .getByText('Start my own product studio in five years')
      .waitFor();
    const history = c.getByRole('region', { name: 'Earlier versions' });
    await history.getByText(/proposed by you/).click();
    await history.getByText('Head of product for a platform team').waitFor();
    await expectNoAxeViolations(c);
    expect(cora.problems).toEqual([]);
    expect(pat.problems).toEqual([]);
  });
});
