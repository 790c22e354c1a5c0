import { describe, expect, it } from 'vitest';
import { slackBody, teamsBody, withAddresses, type OutsideMessage } from './channels.js';

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
      'Coaching session with &lt;Pia&gt; &amp; Ada tomorrow\nA coaching session is coming up tomorrow.\nhttps://wheel.example.com/coaching-sessions/1',
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
    const texts = card.content.body.map((b) => ('inlines' in b ? b.inlines[0]!.text : b.text));
    expect(texts).toEqual([message.title, message.notice, 'Words']);
    expect(card.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Wheelhouse', url: message.link },
    ]);
    expect(teamsBody(message).attachments[0]!.content.body).toHaveLength(2);
  });

  it('Slack and Teams: names and nudges cannot mention @channel or make a link (issue 19, row 10)', () => {
    const hostile: OutsideMessage = {
      ...message,
      title: 'A nudge from <!channel> <https://evil.test|Wheelhouse admin>',
      text: 'Read [Wheelhouse admin](https://evil.test) <!here>',
    };
    const slack = slackBody(hostile);
    expect(slack.text).not.toMatch(/<!|<https/);
    expect(slack.text).toContain('&lt;!channel&gt; &lt;https://evil.test|Wheelhouse admin&gt;');
    expect(slack.text).toContain('&lt;!here&gt;');
    // mrkdwn blocks are escaped; a plain_text block is never parsed for links or mentions.
    const mrkdwnBlocks = slack.blocks.filter((b) => 'text' in b && b.text?.type === 'mrkdwn');
    expect(JSON.stringify(mrkdwnBlocks)).not.toMatch(/<!|<https/);
    const card = teamsBody(hostile).attachments[0]!.content;
    // Markdown renders only in TextBlocks: none of them carries a person's words.
    const textBlocks = card.body.filter((b) => b.type === 'TextBlock');
    expect(JSON.stringify(textBlocks)).not.toContain('evil.test');
    expect(JSON.stringify(card.body)).toContain(
      '"type":"TextRun","text":"Read [Wheelhouse admin](https://evil.test) <!here>"',
    );
  });
});

describe('in-app links in a delivery’s text', () => {
  it('leave as words and a full address, never a bare path (the weekly prompt, issue 21)', () => {
    const text =
      'Ideas for a small nudge this week:\n[Pia: 2 nudge ideas](/pms/abc#nudge-ideas)\n[Quinn: 1 nudge idea](/pms/def#nudge-ideas)';
    expect(withAddresses(text, 'https://wheel.example.com')).toBe(
      'Ideas for a small nudge this week:\nPia: 2 nudge ideas: https://wheel.example.com/pms/abc#nudge-ideas\nQuinn: 1 nudge idea: https://wheel.example.com/pms/def#nudge-ideas',
    );
    // Brackets people type are left alone: only a bracket followed by an in-app path is a link.
    expect(withAddresses('[draft] (see notes)', 'https://x')).toBe('[draft] (see notes)');
  });
});
