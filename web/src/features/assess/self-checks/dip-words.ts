import type { Dip } from '../../../../../common/wheel-rounds';

const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A statement's short name: "Is good at keeping stakeholders informed, including…" → "Keeping stakeholders informed". */
export function statementLabel(text: string): string {
  const core = text
    .replace(/^is good at\s+/i, '')
    .split(/[,.;:(]/)[0]!
    .trim();
  return core.charAt(0).toUpperCase() + core.slice(1);
}

/** What dipped, in a few words: the statement's short name, else the area's. */
export const dipLabel = (dip: Dip) => (dip.statementText ? statementLabel(dip.statementText) : dip.areaName);

/** "Keeping stakeholders informed: 2, down from 8" */
export const dipLine = (dip: Dip) =>
  `${dipLabel(dip)}: ${number(dip.score)}, down from ${number(dip.recentLevel)}`;
