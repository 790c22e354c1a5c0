import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErasureCounts } from '../../../../common/erasure.js';
import { counted, whatGoesAndStays } from './words.js';

const none: ErasureCounts = {
  rounds: 0,
  selfChecks: 0,
  reflections: 0,
  coachNotesAboutYou: 0,
  planVersions: 0,
  planComments: 0,
  planSuggestions: 0,
  visionProposals: 0,
  coachingSessions: 0,
  checkIns: 0,
  pulses: 0,
  nudges: 0,
  accessLogEntries: 0,
  pmsCoached: 0,
  privateNotes: 0,
  unrevealedAssessments: 0,
  revealedAssessments: 0,
  commentsAndSuggestions: 0,
  sessionsAsCoach: 0,
  nudgesSent: 0,
};

describe('what an erasure says', () => {
  it('counts in words: none, one, many', () => {
    expect(counted(0, 'round')).toBe('no rounds');
    expect(counted(1, 'round')).toBe('1 round');
    expect(counted(3, 'entry', 'entries')).toBe('3 entries');
  });

  it("names a PM's own data with its counts, and the coach's notes about them as going", () => {
    const { goes, stays } = whatGoesAndStays({
      ...none,
      rounds: 3,
      planVersions: 1,
      checkIns: 2,
      coachNotesAboutYou: 1,
      accessLogEntries: 12,
    });
    expect(goes.join('\n')).toContain('3 assessment rounds, 1 plan version and 2 check-ins');
    expect(goes.join('\n')).toContain('1 private note a coach wrote about you');
    expect(goes.join('\n')).toContain('12 entries');
    expect(goes.join('\n')).not.toMatch(/self-check|pulse/);
    expect(stays.join('\n')).not.toContain('former coach');
  });

  it("says a coach's gifts stay with their PMs as 'a former coach', and their private notes go", () => {
    const { goes, stays } = whatGoesAndStays({
      ...none,
      pmsCoached: 2,
      privateNotes: 4,
      unrevealedAssessments: 1,
      revealedAssessments: 5,
      commentsAndSuggestions: 1,
    });
    expect(goes.join('\n')).toContain('4 private notes you wrote as a coach');
    expect(goes.join('\n')).toContain('1 coach assessment you started or submitted');
    expect(stays[0]).toContain('the 2 PMs you coached');
    expect(stays[0]).toContain('5 revealed coach assessments and 1 plan comment or suggestion');
    expect(stays[0]).toContain('"a former coach"');
  });

  it('never names a kind that is empty, and always says the account goes', () => {
    const kinds = Object.keys(none) as (keyof ErasureCounts)[];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: kinds.length, maxLength: kinds.length }),
        (values) => {
          const counts = Object.fromEntries(kinds.map((k, i) => [k, values[i]!])) as ErasureCounts;
          const { goes, stays } = whatGoesAndStays(counts);
          const text = [...goes, ...stays].join('\n');
          expect(goes[0]).toContain('Your account');
          expect(text).not.toMatch(/\bno \w/);
          if (counts.rounds === 0) expect(text).not.toContain('assessment round');
        },
      ),
    );
  });
});
