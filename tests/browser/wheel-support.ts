import type { Page } from 'playwright-core';

/** Helpers for the wheel's browser tests: the statements of a round, and scoring them on the page. */

export interface RoundShape {
  id: string;
  frameworkVersion: { areas: { key: string; name: string; statements: { key: string; text: string }[] }[] };
}

/** The round as the signed-in person sees it (over HTTP, in the page's own session). */
export async function roundOf(page: Page, roundId: string): Promise<RoundShape> {
  const res = await page.context().request.get(`/api/rounds/${roundId}`);
  if (!res.ok()) throw new Error(`round: ${res.status()}`);
  return (await res.json()) as RoundShape;
}

/** The round id in the page's address (/rounds/{id}). */
export const roundIdIn = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

/** Scores every statement of the given areas by clicking the radio buttons: `score(areaKey)` says which. */
export async function scoreAreas(
  page: Page,
  areas: RoundShape['frameworkVersion']['areas'],
  score: (areaKey: string) => number,
) {
  for (const area of areas) {
    for (const statement of area.statements) {
      await page
        .getByRole('group', { name: statement.text, exact: true })
        .getByRole('radio', { name: String(score(area.key)), exact: true })
        .check();
    }
  }
}
