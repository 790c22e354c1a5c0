import { z } from '@hono/zod-openapi';
import { Person } from './schemas.js';
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
    status: z.enum(['open', 'revealed']),
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
    title: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters').optional(),
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
    roundId: z.string(),
    roundTitle: z.string(),
    revealedAt: z.string(),
    areaKey: z.string(),
    areaName: z.string(),
    score: z.number(),
    recentMean: z.number().describe('Mean self-score of the area over up to three earlier rounds'),
    drop: z.number(),
    note: z.string().nullable().describe("The PM's note for the area in that round"),
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

export const History = z
  .object({
    scale: Scale.nullable().describe('Scores of older rounds are converted to the latest round’s scale'),
    rounds: z.array(
      z.object({ id: z.string(), title: z.string(), createdAt: z.string(), revealedAt: z.string() }),
    ),
    areas: z.array(z.object({ key: z.string(), name: z.string(), points: z.array(HistoryPoint) })),
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
  })
  .openapi('RoundView');
export type RoundView = z.infer<typeof RoundView>;
