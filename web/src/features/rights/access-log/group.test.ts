import { describe, expect, test } from 'vitest';
import type { AccessLogEntry } from '../../../../../common/schemas';
import { filterChoices, groupLog } from './group';

const hana = { id: 'h', name: 'Hana Lead', email: 'hana@example.com' };
const pia = { id: 'p', name: 'Pia Park', email: 'pia@example.com' };
let n = 0;
const entry = (
  hour: number,
  day: number,
  actor: AccessLogEntry['actor'],
  action: string,
  count = 1,
): AccessLogEntry => {
  const at = new Date(2026, 11, day, hour).toISOString();
  return { id: String(n++), at, firstAt: at, actor, action, resource: 'plan', count };
};

describe('the access log by day and person', () => {
  // Newest first, as the server sends it; 1 Dec 2026 is a Tuesday.
  const log = [
    entry(16, 2, hana, 'plan:write'),
    entry(15, 1, pia, 'overview:read'),
    entry(14, 1, hana, 'plan:read', 2),
    entry(11, 1, hana, 'comparison:read'),
    entry(10, 1, hana, 'plan:read'),
    entry(9, 1, null, 'wheel:export'),
  ];

  test('one line per day and person says what they opened, changed or downloaded, and how often', () => {
    const groups = groupLog(log, 'p');
    expect(groups.map((g) => g.summary)).toEqual([
      'Wednesday 2 Dec: Hana Lead changed your plan once',
      'Tuesday 1 Dec: You opened your overview once',
      'Tuesday 1 Dec: Hana Lead opened your plan 3 times, your wheel once',
      'Tuesday 1 Dec: A deleted account downloaded your wheel once',
    ]);
    // Every entry stays reachable behind its line.
    expect(groups.flatMap((g) => g.entries)).toHaveLength(log.length);
  });

  test('the filters offer the people and the things the log holds', () => {
    expect(filterChoices(log, 'p')).toEqual({
      people: [
        ['h', 'Hana Lead'],
        ['p', 'You'],
        ['deleted', 'A deleted account'],
      ],
      things: ['your overview', 'your plan', 'your wheel'],
    });
  });
});
