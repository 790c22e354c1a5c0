import { describe, expect, it } from 'vitest';
import { slackBody, teamsBody, type OutsideMessage } from './channels.js';

const message: OutsideMessage = {
  title: 'Coaching session with <Pia> & Ada tomorrow',
  notice: 'A coaching session is coming up tomorrow.',
  link: 'https://wheel.example.com/coaching-sessions/1',
  text: null,
};

describe('outside message bodies', () => {
  it('Slack: plain text for notifications, escaped mrkdwn, a button back, no text unless given', () => {
    const body = slackBody(message);
    expect(body.text).toBe(
      'Coaching session with <Pia> & Ada tomorrow\nA coaching session is coming up tomorrow.\nhttps://wheel.example.com/coaching-sessions/1',
    );
    expect(JSON.stringify(body.blocks)).toContain('*Coaching session with &lt;Pia&gt; &amp; Ada tomorrow*');
    expect(body.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ type: 'button', url: message.link }],
    });
    expect(body.blocks).toHaveLength(2);
    expect(slackBody({ ...message, text: 'Words' }).blocks).toHaveLength(3);
  });

  it('Teams: one message with an adaptive card 1.4 and an Open URL action', () => {
    const body = teamsBody({ ...message, text: 'Words' });
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const card = body.attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.type).toBe('AdaptiveCard');
    expect(card.content.version).toBe('1.4');
    expect(card.content.body.map((b) => b.text)).toEqual([message.title, message.notice, 'Words']);
    expect(card.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Wheelhouse', url: message.link },
    ]);
    expect(teamsBody(message).attachments[0]!.content.body).toHaveLength(2);
  });
});
