import type { OutsideChannel } from '../../../../common/deliveries.js';
import type { Deps } from '../../../http/env.js';
import { publicAddressOf } from '../../people/setup/public-address.js';
import { deliveryKindInfo, type DeliveryKind } from '../../../../common/delivery-kinds.js';
import { channelName, type Settings } from './settings.js';
import { postWebhook, WebhookError } from './webhook-safety.js';
import { unseal } from '../../../crypto/sealed-fields.js';

/** What leaves Wheelhouse: the title, a notice and a link back; the text only when allowed. */
export interface OutsideMessage {
  title: string;
  notice: string;
  link: string;
  text: string | null;
  /** An iTIP invitation (iCalendar text with its METHOD) that mail carries as text/calendar. */
  calendar?: string | null;
}

/** In-app links in a delivery's text, `[words](/path)`, as words and a full address outside. */
export const withAddresses = (text: string, address: string) =>
  text.replace(
    /\[([^\]\n]+)\]\((\/[^)\s]*)\)/g,
    (_, words: string, path: string) => `${words}: ${address}${path}`,
  );

export async function outsideMessage(input: {
  deps: Pick<Deps, 'db' | 'config'>;
  workspaceId: string;
  settings: Settings;
  delivery: { kind: string; title: string; text: string; link: string; calendar?: string | null };
}): Promise<OutsideMessage> {
  const { deps, workspaceId, settings, delivery } = input;
  const { address } = await publicAddressOf({ db: deps.db, config: deps.config, workspaceId });
  const path = delivery.link.startsWith('/') ? delivery.link : `/${delivery.link}`;
  return {
    title: delivery.title,
    notice:
      deliveryKindInfo[delivery.kind as DeliveryKind]?.notice ??
      'There is something new for you in Wheelhouse.',
    link: `${address}${path}`,
    text:
      settings.includeText && delivery.text
        ? withAddresses(unseal(deps.db, 'deliveries.text', delivery.text), address)
        : null,
    calendar: delivery.calendar ?? null,
  };
}

/**
 * Slack reads `<…>` as links and mentions (`<!channel>`, `<https://x|label>`) in mrkdwn and in the
 * top-level `text` alike; its documented escaping is &, < and > as entities. Names, titles and
 * nudge text are people's words, so they are escaped everywhere Slack parses them.
 */
export const mrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack incoming-webhook body: escaped `text` (notifications) plus blocks with a button. */
export function slackBody(m: OutsideMessage) {
  return {
    text: [m.title, m.notice, m.text]
      .filter(Boolean)
      .map((s) => mrkdwn(s!))
      .concat(m.link)
      .join('\n'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${mrkdwn(m.title)}*\n${mrkdwn(m.notice)}` } },
      ...(m.text ? [{ type: 'section', text: { type: 'plain_text', text: m.text } }] : []),
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Wheelhouse' }, url: m.link }],
      },
    ],
  };
}

/**
 * People's words as a Teams RichTextBlock of one TextRun: a TextBlock renders markdown (a name
 * like `[Wheelhouse admin](https://evil.test)` would become a link), a TextRun never does.
 */
const plainRun = (text: string, style: Record<string, string> = {}) => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text, ...style }],
});

/** A Teams Workflows webhook body: one message with an adaptive card. */
export function teamsBody(m: OutsideMessage) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            plainRun(m.title, { weight: 'Bolder', size: 'Medium' }),
            { type: 'TextBlock', text: m.notice, wrap: true },
            ...(m.text ? [plainRun(m.text)] : []),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open in Wheelhouse', url: m.link }],
        },
      },
    ],
  };
}

export type SendOutcome = { ok: true } | { ok: false; reason: string; permanent: boolean };

function answerWords(name: string, status: number): SendOutcome {
  if (status >= 200 && status < 300) return { ok: true };
  if (status >= 300 && status < 400)
    return {
      ok: false,
      reason: `${name} answered ${status} (a redirect, which Wheelhouse does not follow): check the webhook URL`,
      permanent: false,
    };
  if ([400, 401, 403, 404, 410].includes(status))
    return { ok: false, reason: `${name} answered ${status}: check the webhook URL`, permanent: false };
  if (status === 429)
    return {
      ok: false,
      reason: `${name} answered 429: too many messages, trying again later`,
      permanent: false,
    };
  return { ok: false, reason: `${name} answered ${status}: trying again later`, permanent: false };
}

/** Sends one message on one outside channel; never throws, answers a short human outcome. */
export async function sendOutside(input: {
  deps: Pick<Deps, 'config' | 'mailer'>;
  /** Push goes through sendPush: one message per browser. */
  channel: Exclude<OutsideChannel, 'push'>;
  settings: Settings;
  email: string;
  message: OutsideMessage;
}): Promise<SendOutcome> {
  const { deps, channel, settings, email, message } = input;
  const name = channelName(channel);
  if (channel === 'email') {
    if (!deps.config.smtpUrl)
      return { ok: false, reason: 'Mail is not set up on this server (SMTP_URL)', permanent: true };
    const sent = await deps.mailer.send({
      to: email,
      subject: message.title,
      text: [message.notice, message.text, `Open Wheelhouse: ${message.link}`].filter(Boolean).join('\n\n'),
      ...(message.calendar ? { calendar: message.calendar } : {}),
    });
    return sent
      ? { ok: true }
      : { ok: false, reason: 'The mail server did not accept the message', permanent: false };
  }
  const url = channel === 'slack' ? settings.slackUrl : settings.teamsUrl;
  if (!url) return { ok: false, reason: `No ${name} webhook is set`, permanent: true };
  try {
    const { status } = await postWebhook({
      url,
      body: channel === 'slack' ? slackBody(message) : teamsBody(message),
      allowPrivate: deps.config.allowPrivateWebhooks,
    });
    return answerWords(name, status);
  } catch (error) {
    if (error instanceof WebhookError)
      return { ok: false, reason: `The ${name} webhook ${error.message}`, permanent: error.permanent };
    return { ok: false, reason: `The ${name} webhook could not be reached`, permanent: false };
  }
}
