import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pmwheel } from '../../define-good/frameworks/pmwheel.js';
import { areaScores } from '../rounds/scoring.js';
import { dipThreshold, dipsOf, median, withoutCovered, type SelfRound } from './dips.js';

const ten = { min: 1, max: 10 };
let n = 0;
const round = (team: number, scale = ten): SelfRound => ({ roundId: `r${n++}`, scale, self: { team } });

/** A check of the Team area only: its five statements, and the area mean they give. */
const teamArea = pmwheel.areas.find((a) => a.key === 'team')!;
const teamKeys = teamArea.statements.map((s) => s.key);
function teamCheck(scores: number[], scale = ten): SelfRound {
  const statements = Object.fromEntries(teamKeys.map((k, i) => [k, scores[i]!]));
  const content = { ...pmwheel, scale, areas: [teamArea] };
  return {
    roundId: `c${n++}`,
    scale,
    self: { team: areaScores(content, statements).team! },
    statements,
  };
}
const flagged = (rounds: SelfRound[]) => dipsOf(rounds, rounds.length - 1).map((d) => `${d.kind}:${d.key}`);

describe('the dip rule (decision 035)', () => {
  it('the seed’s story: “keeping stakeholders informed” falls 8 → 2 while the other four stay 8', () => {
    expect(teamArea.statements[1]!.text).toMatch(/keeping stakeholders informed, including bad news/);
    const before = teamCheck([8, 8, 8, 8, 8]);
    const after = teamCheck([8, 2, 8, 8, 8]);
    // The area moves only 1.2: the old area-only rule (2 points) saw nothing.
    expect(before.self.team! - after.self.team!).toBeCloseTo(1.2);
    expect(dipsOf([before, after], 1)).toEqual([
      { kind: 'statement', key: 'team.2', score: 2, recentLevel: 8, drop: 6 },
    ]);
  });

  it('flags an area 2 points below the median of its last three scores', () => {
    expect(dipsOf([round(3), round(8), round(8), round(8), round(6)], 4)).toEqual([
      { kind: 'area', key: 'team', score: 6, recentLevel: 8, drop: 2 },
    ]);
  });

  it('judges against the median, so one odd earlier score does not move the level', () => {
    expect(median([8, 8, 2])).toBe(8);
    expect(flagged([round(8), round(8), round(2), round(6)])).toEqual(['area:team']);
    expect(median([4, 8])).toBe(6);
  });

  it('does not flag a smaller drop, the first check, or a rise', () => {
    expect(dipsOf([round(8), round(8), round(6.5)], 2)).toEqual([]);
    expect(dipsOf([round(2)], 0)).toEqual([]);
    expect(dipsOf([round(3), round(9)], 1)).toEqual([]);
    expect(flagged([teamCheck([8, 8, 8, 8, 8]), teamCheck([8, 6, 8, 8, 8])])).toEqual([]);
  });

  it('looks back only three earlier scores', () => {
    expect(dipsOf([round(10), round(5), round(5), round(5), round(4)], 4)).toEqual([]);
  });

  it('compares across scales: a 2 on 1–5 after a 9 on 1–10 is a dip', () => {
    const five = { min: 1, max: 5 };
    const [dip] = dipsOf([round(9, ten), round(4, five), round(2, five)], 2);
    expect(dip?.key).toBe('team');
    expect(dipThreshold(five)).toBeCloseTo(8 / 9);
    expect(dipThreshold(five, 3)).toBeCloseTo(12 / 9);
  });

  it('lists a statement’s dip only when its whole area did not dip (the area’s dip says it)', () => {
    const dips = [
      { areaKey: 'team', statementKey: null },
      { areaKey: 'team', statementKey: 'team.2' },
      { areaKey: 'planning', statementKey: 'planning.1' },
    ];
    expect(withoutCovered(dips)).toEqual([dips[0], dips[2]]);
  });

  it('skips a key earlier checks did not have (a self-check of other areas)', () => {
    const other: SelfRound = { roundId: 'x', scale: ten, self: { discovery: 2 }, statements: {} };
    expect(flagged([round(8), other, round(5)])).toEqual(['area:team']);
    expect(flagged([other, round(5)])).toEqual([]);
  });

  it('slow decline of 1 per check: the area is flagged from the 4th check on; a statement alone never', () => {
    const areas = [8, 7, 6, 5, 4, 3].map((v) => round(v));
    expect(flagged(areas.slice(0, 3))).toEqual([]);
    expect(flagged(areas.slice(0, 4))).toEqual(['area:team']);
    expect(flagged(areas.slice(0, 6))).toEqual(['area:team']);
    const oneStatement = [8, 7, 6, 5, 4, 3, 2].map((v) => teamCheck([8, v, 8, 8, 8]));
    for (let i = 1; i <= oneStatement.length; i++) expect(flagged(oneStatement.slice(0, i))).toEqual([]);
  });
});

const score = fc.integer({ min: 1, max: 10 });
const five = fc.array(score, { minLength: 5, maxLength: 5 });

describe('dip rule properties', () => {
  it('never flags constant scores', () => {
    fc.assert(
      fc.property(five, fc.integer({ min: 1, max: 8 }), (scores, count) => {
        const checks = Array.from({ length: count }, () => teamCheck(scores));
        expect(flagged(checks)).toEqual([]);
      }),
    );
  });

  it('catches a drop of one statement alone (3+ points below its level), whatever the others do', () => {
    fc.assert(
      fc.property(
        fc.array(five, { minLength: 1, maxLength: 4 }),
        five,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 3, max: 9 }),
        (earlier, latest, which, fall) => {
          const key = teamKeys[which]!;
          const level = median(earlier.slice(-3).map((s) => s[which]!))!;
          const now = [...latest];
          now[which] = Math.max(1, Math.floor(level - fall));
          fc.pre(level - now[which] >= 3);
          const found = flagged([...earlier.map((s) => teamCheck(s)), teamCheck(now)]);
          expect(found).toContain(`statement:${key}`);
        },
      ),
    );
  });

  it('flags a statement exactly when it is 3 points below its median level (any scale)', () => {
    const scale = fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 2, max: 20 }))
      .map(([min, span]) => ({ min, max: min + span }));
    fc.assert(
      fc.property(
        scale,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (s, fractions) => {
          const checks: SelfRound[] = fractions.map((f) => ({
            roundId: `p${n++}`,
            scale: s,
            self: {},
            statements: { 'team.2': s.min + f * (s.max - s.min) },
          }));
          const values = checks.map((c) => c.statements!['team.2']!);
          const last = values.length - 1;
          const level = median(values.slice(Math.max(0, last - 3), last))!;
          const isDip = flagged(checks).length === 1;
          expect(isDip).toBe(level - values[last]! >= dipThreshold(s, 3) - 1e-9);
        },
      ),
    );
  });

  it('raising a score of the latest check never creates a dip', () => {
    fc.assert(
      fc.property(
        fc.array(five, { minLength: 1, maxLength: 5 }),
        five,
        fc.integer({ min: 0, max: 4 }),
        (earlier, latest, which) => {
          const raised = [...latest];
          raised[which] = Math.min(10, raised[which]! + 1);
          const history = earlier.map((s) => teamCheck(s));
          const before = new Set(flagged([...history, teamCheck(latest)]));
          for (const dip of flagged([...history, teamCheck(raised)])) expect(before.has(dip)).toBe(true);
        },
      ),
    );
  });
});
