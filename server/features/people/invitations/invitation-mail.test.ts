import { describe, expect, it } from 'vitest';
import { invitationMail } from './invitation-mail.js';

describe('the invitation mail', () => {
  it('keeps a stored name with CR/LF on its line: no lines of the inviter’s making (issue 19, row 15)', () => {
    const mail = invitationMail({
      to: 'pat@example.com',
      inviterName: 'Ada\r\n\r\nYour account expires today. Sign in at https://evil.test',
      kind: 'member',
      link: 'https://wheel.example.com/invite/abc',
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    const lines = mail.text.split('\n');
    expect(lines[0]).toBe(
      'Ada    Your account expires today. Sign in at https://evil.test invited you to join their Wheelhouse workspace.',
    );
    expect(lines.filter((l) => l.startsWith('Your account expires'))).toEqual([]);
  });
});
