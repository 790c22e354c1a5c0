import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { may } from '../../../privacy/authorize.js';
import type { ReflectionFacts, Viewer } from '../../../privacy/rules.js';
import { attachmentLabel } from './reflection-words.js';

const pm: Viewer = { actorId: 'pm', pmId: 'pm', side: 'pm', coachSince: null };
const coach = (since: string): Viewer => ({ actorId: 'coach', pmId: 'pm', side: 'coach', coachSince: since });
const sees = (viewer: Viewer, reflection: ReflectionFacts) => may(viewer, 'reflection:read', { reflection });
const iso = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

describe('who sees a reflection (privacy/rules.ts)', () => {
  it('its author always; a coach a PM’s reflection only when shared during their pairing', () => {
    fc.assert(
      fc.property(iso, iso, fc.boolean(), (since, sharedAt, shared) => {
        const reflection: ReflectionFacts = {
          author_id: 'pm',
          kind: 'reflection',
          shared_at: shared ? sharedAt : null,
        };
        expect(sees(pm, reflection)).toBe(true);
        expect(sees(coach(since), reflection)).toBe(shared && sharedAt >= since);
      }),
    );
  });

  it('a coach’s note: its author only, never the PM, never another coach, whatever its dates', () => {
    fc.assert(
      fc.property(iso, fc.option(iso, { nil: null }), (since, sharedAt) => {
        const note: ReflectionFacts = { author_id: 'coach', kind: 'coach-note', shared_at: sharedAt };
        expect(sees(coach(since), note)).toBe(true);
        expect(sees(pm, note)).toBe(false);
        expect(sees({ ...coach(since), actorId: 'later-coach' }, note)).toBe(false);
      }),
    );
  });

  it('only the author changes an entry', () => {
    const shared: ReflectionFacts = {
      author_id: 'pm',
      kind: 'reflection',
      shared_at: '2026-01-01T00:00:00.000Z',
    };
    expect(may(pm, 'reflection:change', { reflection: shared })).toBe(true);
    expect(may(coach('2025-01-01T00:00:00.000Z'), 'reflection:change', { reflection: shared })).toBe(false);
  });
});

describe('attachment labels', () => {
  it('name a coaching session by its kind and local day', () => {
    expect(attachmentLabel.coachingSession('monthly', '2026-03-12T09:30')).toBe(
      'Monthly coaching session, 12 Mar 2026',
    );
    expect(attachmentLabel.coachingSession('weekly', '2026-12-01T16:00')).toBe('Weekly check-in, 1 Dec 2026');
    expect(attachmentLabel.coachingSession('weekly', 'garbled')).toBe('Weekly check-in');
  });
});
