import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Sends a mail; resolves false (and logs why) when mail is off or the server refused it. */
  send(mail: Mail): Promise<boolean>;
}

/** An SMTP mailer when SMTP_URL is set; otherwise one that sends nothing (links are shown to copy). */
export function createMailer(input: { smtpUrl: string | undefined; from: string; log: Logger }): Mailer {
  const { smtpUrl, from, log } = input;
  if (!smtpUrl) return { send: async () => false };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
        return true;
      } catch (error) {
        log.warn({ err: error, to: mail.to }, 'mail not sent');
        return false;
      }
    },
  };
}
