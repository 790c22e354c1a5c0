import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  downloadedBytes,
  scrollsSideways,
  signedInPerson,
  useBrowserApp,
} from '../support/browser.js';
import { pairWithWheel } from './plan-support.js';

const ctx = useBrowserApp();

describe('export everything in the browser', () => {
  test('the PM exports from their overview with the keyboard; a zip with the manifest arrives', async () => {
    const { coach, pm } = await pairWithWheel(ctx.app);
    const pat = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}` });
    const page = pat.page;
    const section = page.getByRole('region', { name: 'Export everything' });
    await section.getByText('The file holds private words.').waitFor();
    await expectNoAxeViolations(page);

    const button = section.getByRole('button', { name: 'Export everything' });
    await button.focus();
    expect(await focusedName(page)).toBe('Export everything');
    const arriving = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const download = await arriving;
    expect(download.suggestedFilename()).toMatch(/^wheelhouse-pat-park-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await downloadedBytes(download)));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      schema: string;
      version: number;
      counts: Record<string, number>;
    };
    expect(manifest).toMatchObject({ schema: 'wheelhouse-export', version: 1 });
    expect(manifest.counts.rounds).toBe(1);
    await section
      .getByRole('status')
      .getByText(/^Saved wheelhouse-pat-park-.*\.zip \(.+\)\.$/)
      .waitFor();
    await expectNoAxeViolations(page);
    expect(pat.problems).toEqual([]);

    // The coach, on a phone: the section names the PM and says the download is logged.
    const cora = await signedInPerson(ctx, coach.email, { path: `/pms/${pm.id}`, width: 375 });
    const theirs = cora.page.getByRole('region', { name: 'Export everything' });
    await theirs.getByRole('button', { name: 'Export everything about Pat Park' }).waitFor();
    await theirs.getByText(/recorded in Pat Park’s access log/).waitFor();
    expect(await scrollsSideways(cora.page)).toBe(false);
    await expectNoAxeViolations(cora.page);
  });
});
