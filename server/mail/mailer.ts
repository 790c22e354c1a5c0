import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** iCalendar text with its METHOD: sent as a text/calendar; method=… alternative (iTIP over mail, RFC 6047). */
  calendar?: string;
}

export interface Mailer {
  /** Sends a mail; resolves false (and logs why) when mail is off or the server refused it. */
  send(mail: Mail): Promise<boolean>;
}

/** An SMTP mailer when SMTP_URL is set; otherwise one that sends nothing (links are shown to copy). */
export function createMailer(input: { smtpUrl: string | undefined; from: string; log: Logger }): Mailer {
  const { smtpUrl, from, log } = input;
  if (!smtpUrl) return { send: async () => false };
  // nodemailer (~11 MB) is loaded for the first mail, not at start.
  let transport: Promise<Transporter> | undefined;
  return {
    async send(mail) {
      try {
        transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
        const { calendar, ...rest } = mail;
        const method = calendar ? (/^METHOD:(\w+)/m.exec(calendar)?.[1] ?? 'PUBLISH') : undefined;
        await (
          await transport
        ).sendMail({
          from,
          ...rest,
          ...(calendar ? { icalEvent: { method, filename: 'invite.ics', content: calendar } } : {}),
        });
        return true;
      } catch (error) {
        log.warn({ err: error, to: mail.to }, 'mail not sent');
        return false;
      }
    },
  };
}
