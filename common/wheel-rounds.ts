import { z } from '@hono/zod-openapi';
import { RoundTraits } from './round-traits.js';
import { OneLine, Person } from './schemas.js';
import { FrameworkVersion, Key, Scale } from './wheel.js';

/** Assessment rounds, the comparison, history and dips: shared response and request schemas. */

/** Which assessment of a round: the PM's own (self) or the coach's. Peers answer apart (peers.ts). */
export const AssessmentSide = z.enum(['self', 'coach']);
export type AssessmentSide = z.infer<typeof AssessmentSide>;

export const SideStatus = z
  .object({ submitted: z.boolean(), submittedAt: z.string().nullable() })
  .openapi('SideStatus');

export const Round = z
  .object({
    id: z.string(),
    pmId: z.string(),
    title: z.string(),
    createdAt: z.string(),
    revealedAt: z
      .string()
      .nullable()
      .describe('Set once both sides submitted: from then on both see the comparison'),
    status: z
      .enum(['open', 'revealed', 'closed'])
      .describe('closed: the PM closed it unrevealed after its coach left; it is never revealed'),
    coachLeft: z
      .boolean()
      .describe('Still open, and its coach no longer coaches the PM: the PM may close it or hand it over'),
    coach: Person,
    framework: z.object({
      id: z.string(),
      versionId: z.string(),
      version: z.number().int(),
      name: z.string(),
    }),
    self: SideStatus,
    coachSide: SideStatus,
    peers: z
      .object({ invited: z.number().int(), submitted: z.number().int(), shared: z.boolean() })
      .nullable()
      .describe('The PM always; the coach only once the PM shared peer scores; otherwise null'),
    viewerSide: AssessmentSide.nullable().describe(
      'Which assessment of this round the viewer writes (null: none)',
    ),
  })
  .openapi('Round');
export type Round = z.infer<typeof Round>;

export const RoundDetail = Round.extend({ frameworkVersion: FrameworkVersion }).openapi('RoundDetail');
export type RoundDetail = z.infer<typeof RoundDetail>;

export const OpenRoundInput = z
  .object({
    title: OneLine(100).min(1, 'is required').optional(),
    frameworkId: z
      .string()
      .uuid('is not a valid id')
      .optional()
      .describe('Defaults to the framework of the last round, else the workspace default'),
    coachId: z
      .string()
      .uuid('is not a valid id')
      .optional()
      .describe('Needed when a PM with several coaches opens a round'),
  })
  .openapi('OpenRoundInput');

const ScoreMap = z.record(z.string(), z.number().int());
const NoteMap = z.record(z.string(), z.string());

export const Assessment = z
  .object({
    roundId: z.string(),
    side: AssessmentSide,
    author: Person,
    status: z.enum(['draft', 'submitted']),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    scores: ScoreMap.describe('statement key → score'),
    notes: NoteMap.describe('area key → note'),
    nextBiggerChallenge: z.string().nullable(),
    areaScores: z
      .record(z.string(), z.number().nullable())
      .describe('area key → mean of its scored statements'),
    answered: z.number().int(),
    total: z.number().int(),
  })
  .openapi('Assessment');
export type Assessment = z.infer<typeof Assessment>;

/** A partial save: only the fields sent change; null clears a score or note. */
export const AssessmentDraftInput = z
  .object({
    scores: z.record(Key, z.number().int('must be a whole number').nullable()).optional(),
    notes: z.record(Key, z.string().max(2000, 'must be at most 2000 characters').nullable()).optional(),
    nextBiggerChallenge: z.string().trim().max(1000, 'must be at most 1000 characters').nullable().optional(),
  })
  .openapi('AssessmentDraftInput');
export type AssessmentDraftInput = z.infer<typeof AssessmentDraftInput>;

export const Change = z.object({ self: z.number().nullable(), coach: z.number().nullable() });

export const ComparedArea = z
  .object({
    key: z.string(),
    name: z.string(),
    self: z.number(),
    coach: z.number(),
    peers: z.number().nullable(),
    selfNote: z.string().nullable(),
    coachNote: z.string().nullable(),
    peerNotes: z
      .array(z.string())
      .describe(
        'Peers’ notes on the area, without names, in alphabetical order; only once at least 3 peers answered (to the coach only when the PM shares peer scores)',
      ),
    change: Change.describe('Since the previous revealed round (null: the area was not in it)'),
  })
  .openapi('ComparedArea');

export const PerceptionGap = z
  .object({
    areaKey: z.string(),
    areaName: z.string(),
    self: z.number(),
    coach: z.number(),
    difference: z.number().describe('self minus coach'),
    higher: z.enum(['self', 'coach', 'same']).describe('Which side rates the PM higher'),
  })
  .openapi('PerceptionGap');
export type PerceptionGap = z.infer<typeof PerceptionGap>;

export const Dip = z
  .object({
    source: z.enum(['round', 'self-check']).describe('Where the dip was found'),
    roundId: z.string().nullable().describe('The round (null for a self-check)'),
    selfCheckId: z.string().nullable().describe('The self-check (null for a round)'),
    roundTitle: z.string().describe('The round’s title, or “Self-check” for a self-check'),
    revealedAt: z.string().describe('When the round was revealed, or the self-check submitted'),
    areaKey: z.string(),
    areaName: z.string(),
    statementKey: z.string().nullable().describe('Set when one statement dipped (null: the whole area)'),
    statementText: z.string().nullable(),
    score: z.number(),
    recentLevel: z
      .number()
      .describe('Median self-score of the same area or statement over up to three earlier checks'),
    drop: z.number(),
    note: z
      .string()
      .nullable()
      .describe("The PM's note: for the area in that round, or on that self-check (the PM's only)"),
    private: z.boolean().describe('Only the PM sees it: found in a self-check they have not shared'),
  })
  .openapi('Dip');
export type Dip = z.infer<typeof Dip>;

export const Comparison = z
  .object({
    round: Round,
    scale: Scale,
    areas: z.array(ComparedArea),
    perceptionGaps: z.array(PerceptionGap).describe('Largest first'),
    peerCount: z.number().int().nullable().describe('null when peer scores are not visible to the viewer'),
    previousRoundId: z.string().nullable(),
    nextBiggerChallenge: z.object({ coach: z.string().nullable(), self: z.string().nullable() }),
    dips: z.array(Dip),
  })
  .openapi('Comparison');
export type Comparison = z.infer<typeof Comparison>;

export const HistoryPoint = z.object({
  roundId: z.string(),
  self: z.number().nullable(),
  coach: z.number().nullable(),
  peers: z.number().nullable(),
});
export type HistoryPoint = z.infer<typeof HistoryPoint>;

export const History = z
  .object({
    scale: Scale.nullable().describe('Scores of older rounds are converted to the latest round’s scale'),
    rounds: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        createdAt: z.string(),
        revealedAt: z
          .string()
          .nullable()
          .describe("null: not revealed yet; only the PM's own submitted self side is shown"),
      }),
    ),
    selfChecks: z
      .array(z.object({ id: z.string(), submittedAt: z.string(), sharedAt: z.string().nullable() }))
      .describe(
        'Submitted self-checks the viewer may see (the PM all; a coach the shared ones), oldest first',
      ),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        points: z.array(HistoryPoint),
        selfCheckPoints: z
          .array(z.object({ selfCheckId: z.string(), self: z.number().nullable() }))
          .describe('One per self-check, in the order of selfChecks (null: the area was not checked)'),
      }),
    ),
    earlier: z
      .number()
      .int()
      .describe(
        'How many earlier rounds and self-checks there are before this page (the latest 12 come first)',
      ),
    earlierCursor: z
      .string()
      .nullable()
      .describe('Pass as `before` for the page before this one; null: this page starts at the beginning'),
  })
  .openapi('History');
export type History = z.infer<typeof History>;

/** Everything of a PM's wheel the viewer may see (drafts only their own; the other side only once revealed). */
export const WheelExport = z
  .object({
    pm: Person,
    exportedAt: z.string(),
    rounds: z.array(
      z.object({
        round: Round,
        frameworkVersion: FrameworkVersion,
        assessments: z.array(Assessment),
        comparison: Comparison.nullable(),
      }),
    ),
  })
  .openapi('WheelExport');
export type WheelExport = z.infer<typeof WheelExport>;

/** What a round's page shows in one read: the round, and its compared wheel once revealed. */
export const RoundView = z
  .object({
    round: RoundDetail,
    comparison: Comparison.nullable().describe('null until both sides have submitted'),
    traits: RoundTraits.describe("Traits in words: the viewer's side, both once revealed (issue 10)"),
  })
  .openapi('RoundView');
export type RoundView = z.infer<typeof RoundView>;
