/** Where a vision proposal sits in the PM's history: what "made during this pairing or shared by the PM" reads. */
export const historyOf = (proposal: { proposed_at: string }) => ({
  part: 'vision-history' as const,
  at: proposal.proposed_at,
});
