const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Labels for what a reflection is attached to, kept as they were when attached. */
export const attachmentLabel = {
  /** "Monthly coaching session, 12 Mar 2026" from the session's local start ("2026-03-12T09:30"). */
  coachingSession(kind: 'monthly' | 'weekly', localStart: string): string {
    const [y, m, d] = localStart.slice(0, 10).split('-').map(Number);
    const what = kind === 'monthly' ? 'Monthly coaching session' : 'Weekly check-in';
    if (!y || !m || !d) return what;
    return `${what}, ${d} ${months[m - 1]} ${y}`;
  },
};
