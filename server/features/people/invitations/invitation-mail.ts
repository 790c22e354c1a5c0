import type { Mail } from '../../../mail/mailer.js';
import { oneLine } from '../../../util.js';

/** The invitation email: plain text, says who invites and why, and the link. */
export function invitationMail(input: {
  to: string;
  inviterName: string;
  kind: 'pm' | 'member';
  link: string;
}): Mail {
  const { to, kind, link } = input;
  // A name stored before names were kept to one line must not add lines to the mail (issue 19, row 15).
  const inviterName = oneLine(input.inviterName);
  const why =
    kind === 'pm'
      ? `${inviterName} would like to coach you in Wheelhouse: a private place for your growth as a product manager, shared only between you and your coach.`
      : `${inviterName} invited you to join their Wheelhouse workspace.`;
  return {
    to,
    subject:
      kind === 'pm'
        ? `${inviterName} invited you to Wheelhouse coaching`
        : `Join ${inviterName} on Wheelhouse`,
    text: `${why}\n\nCreate your account here (the link works for 7 days):\n${link}\n\nIf you were not expecting this, you can ignore this email.\n`,
  };
}
