import { describe, expect, test } from 'vitest';
import { describeAction, describeActor } from './describe';

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
  test('the PM reads "You" for their own visits', () => {
    const actor = { id: 'p1', name: 'Pat Park', email: 'pat@example.com' };
    expect(describeActor({ actor }, 'p1')).toBe('You');
    expect(describeActor({ actor }, 'c1')).toBe('Pat Park');
    expect(describeActor({ actor: null }, 'p1')).toBe('A deleted account');
  });
});
