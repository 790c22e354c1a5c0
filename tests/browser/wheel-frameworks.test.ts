import { describe, expect, test } from 'vitest';
import { downloadedBytes, expectNoAxeViolations, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildMember, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('frameworks in the browser', () => {
  test('a coach copies the PMwheel, renames an area, adds a statement, reorders by keyboard and saves a new version', async () => {
    const admin = await buildWorkspace(ctx.app);
    const cora = await buildMember(ctx.app, admin, 'Cora Coach');
    const { page, problems } = await signedInPerson(ctx, cora.email);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Frameworks' }).click();
    await page.getByRole('heading', { name: 'Frameworks', level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'PMwheel' }).click();

    await page.getByRole('heading', { name: 'PMwheel', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '1. Understand the problem' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Personality traits');
    // A coach who is not an admin cannot edit the workspace default, only copy it.
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Copy and adapt' }).click();
    await page.getByRole('heading', { name: 'Edit PMwheel (copy)', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Copied as "PMwheel (copy)"').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Framework name').fill('Acme PM compass');
    await page.getByLabel('Name of area 1').fill('Discovery');
    await page.getByRole('button', { name: 'Add a statement to Discovery' }).click();
    const added = page.getByRole('textbox', { name: 'Statement 5 of Discovery' });
    await expect.poll(() => added.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Is good at testing the riskiest assumption every week.');

    // Reorder with the keyboard: "Get it done" (area 4) moves up one place.
    await page.getByRole('button', { name: 'Move Get it done up' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Area 3: Get it done' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move Get it done up');
    await page.getByRole('heading', { name: 'Area 4: Planning' }).waitFor();

    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByRole('heading', { name: 'Acme PM compass', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Saved as version 2.').waitFor();
    expect(await page.getByText(/Version 2 \(current\)/).count()).toBe(1);
    await page.getByRole('heading', { name: '1. Discovery' }).waitFor();
    await page.getByRole('heading', { name: '3. Get it done' }).waitFor();
    await page.getByText('Is good at testing the riskiest assumption every week.').waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByText('Version 2 (shown)').waitFor();
    await versions.getByRole('link', { name: 'Version 1' }).waitFor();
    expect(await versions.textContent()).toContain('by Cora Coach');
    await expectNoAxeViolations(page);

    // The old version still reads as it was.
    await versions.getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('heading', { name: 'PMwheel (copy), version 1', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '1. Understand the problem' }).waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  test('export downloads the JSON file; importing a bad file names the bad field', async () => {
    const admin = await buildWorkspace(ctx.app);
    const { page, problems, context } = await signedInPerson(ctx, admin.email, { path: '/frameworks' });
    await page.getByRole('link', { name: 'PMwheel' }).click();
    await page.getByRole('heading', { name: 'PMwheel', level: 1 }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export JSON' }).click(),
    ]);
    const file = JSON.parse((await downloadedBytes(download)).toString('utf8'));
    expect(file).toMatchObject({ format: 'wheelhouse-framework', formatVersion: 1, name: 'PMwheel' });
    expect(file.areas).toHaveLength(8);

    await page.getByRole('link', { name: 'All frameworks' }).click();
    await page.getByRole('heading', { name: 'Frameworks', level: 1 }).waitFor();
    const bad = { ...file, areas: [{ ...file.areas[0], name: '' }, ...file.areas.slice(1)] };
    await page.getByLabel('Framework file (.json)').setInputFiles({
      name: 'compass.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await page
      .getByRole('alert')
      .getByText('compass.json could not be imported: Area 1, name: is required')
      .waitFor();
    await expectNoAxeViolations(page);

    await page
      .getByLabel('Framework file (.json)')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    await page.getByRole('alert').getByText('notes.json is not a JSON file').waitFor();

    await page.getByLabel('Framework file (.json)').setInputFiles({
      name: 'compass.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...file, name: 'Imported compass' })),
    });
    await page.getByRole('heading', { name: 'Imported compass', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Imported "Imported compass" as your own copy.').waitFor();
    expect(problems).toEqual([]);
    // The download's connection would otherwise keep the test server from closing.
    await context.close();
  });
});
