import type { Mail } from '../../../mail/mailer.js';

/** The reset email: plain text, the link, how long it works, and what to do if it was not you. */
export function resetMail(input: { to: string; link: string }): Mail {
  return {
    to: input.to,
    subject: 'Set a new Wheelhouse password',
    text:
      `Someone asked to set a new password for your Wheelhouse account.\n\n` +
      `Set it here (the link works once, for one hour):\n${input.link}\n\n` +
      `If it was not you, ignore this email: your password stays as it is.\n`,
  };
}
