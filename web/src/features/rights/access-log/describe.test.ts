import { describe, expect, test } from 'vitest';
import { formatDateTime, formatTime } from '../../../ui/format';
import { describeAction, describeActor, describeRepeats } from './describe';

describe('access log wording', () => {
  test('known actions read as plain sentences; unknown ones still say what happened', () => {
    expect(describeAction({ action: 'overview:read', resource: 'overview' })).toBe('Opened your overview');
    expect(describeAction({ action: 'plan:write', resource: 'development plan' })).toBe(
      'Changed your development plan',
    );
    expect(describeAction({ action: 'notes:read', resource: 'session notes' })).toBe(
      'Viewed your session notes',
    );
  });
  test('the actions of the home summary, the vision, suggestions and comments have their own words', () => {
    const words = (action: string) => describeAction({ action, resource: 'something' });
    expect(words('summary:read')).toBe('Saw your plan, vision and dips at a glance on the home page');
    expect(words('vision:propose')).toBe('Proposed a shared vision');
    expect(words('vision:accept')).toBe('Agreed to your shared vision');
    expect(words('vision:withdraw')).toBe('Withdrew a shared vision proposal');
    expect(words('plan-suggestion:create')).toBe('Suggested a change to your plan');
    expect(words('plan-suggestion:decide')).toBe('Accepted or declined a suggestion on your plan');
    expect(words('plan-suggestion:withdraw')).toBe('Withdrew a suggestion on your plan');
    expect(words('plan-comment:remove')).toBe('Removed a comment on your plan');
  });
  test('entries logged under the old action names keep their words', () => {
    const words = (action: string) => describeAction({ action, resource: 'something' });
    expect(words('vision:write')).toBe('Proposed or agreed on your shared vision');
    expect(words('plan-suggestion:write')).toBe('Suggested or decided a change to your plan');
  });
  test('the PM reads "You" for their own visits', () => {
    const actor = { id: 'p1', name: 'Pat Park', email: 'pat@example.com' };
    expect(describeActor({ actor }, 'p1')).toBe('You');
    expect(describeActor({ actor }, 'c1')).toBe('Pat Park');
    expect(describeActor({ actor: null }, 'p1')).toBe('A deleted account');
  });
  test('collapsed repeats say how often since when: the time alone today, with the date before', () => {
    const now = new Date(2026, 2, 12, 15, 0);
    const earlierToday = new Date(2026, 2, 12, 9, 38).toISOString();
    const yesterday = new Date(2026, 2, 11, 17, 5).toISOString();
    expect(describeRepeats({ count: 1, firstAt: earlierToday }, now)).toBeNull();
    expect(describeRepeats({ count: 8, firstAt: earlierToday }, now)).toBe(
      `8 times since ${formatTime(earlierToday)}`,
    );
    expect(describeRepeats({ count: 3, firstAt: yesterday }, now)).toBe(
      `3 times since ${formatDateTime(yesterday)}`,
    );
    expect(formatDateTime(yesterday)).not.toBe(formatTime(yesterday));
  });
});
