/** The shared vision is revisited each quarter: due 90 days after the pair last agreed on it. */

export const REVISIT_AFTER_DAYS = 90;

/** When the next revisit is due (null before any agreement: there is nothing to revisit yet). */
export function revisitDueAt(lastAgreedAt: string | null): string | null {
  if (!lastAgreedAt) return null;
  return new Date(Date.parse(lastAgreedAt) + REVISIT_AFTER_DAYS * 86_400_000).toISOString();
}

export const isRevisitDue = (lastAgreedAt: string | null, now = new Date()) => {
  const due = revisitDueAt(lastAgreedAt);
  return due !== null && Date.parse(due) <= now.getTime();
};
