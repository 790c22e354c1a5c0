/**
 * Moves focus to the heading of the section around `from`. Call it before an action removes the
 * focused item (a revoked invitation, an accepted offer), so keyboard users are not sent back to
 * the top of the page.
 */
export function focusSectionHeading(from: Element | null) {
  const heading = from?.closest('section')?.querySelector<HTMLElement>('h2[tabindex]');
  heading?.focus();
}
