import { z } from '@hono/zod-openapi';

/**
 * Emotion check-ins and pulses (issue 8): request and response schemas shared by the server
 * (validation, OpenAPI) and the web app (types only; the web gets the emotion list from the API).
 */

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** The four quadrants of the emotion list: pleasant or unpleasant, high or low energy. */
export const EmotionGroup = z.enum(['pleasant-high', 'pleasant-low', 'unpleasant-high', 'unpleasant-low']);
export type EmotionGroup = z.infer<typeof EmotionGroup>;

export const emotionGroupNames: Record<EmotionGroup, string> = {
  'pleasant-high': 'Pleasant, high energy',
  'pleasant-low': 'Pleasant, low energy',
  'unpleasant-high': 'Unpleasant, high energy',
  'unpleasant-low': 'Unpleasant, low energy',
};

/** The seed's "list of 30 emotions", by quadrant. A key never changes once stored; add, don't rename. */
export const emotions = [
  ['excited', 'Excited', 'pleasant-high'],
  ['energised', 'Energised', 'pleasant-high'],
  ['proud', 'Proud', 'pleasant-high'],
  ['inspired', 'Inspired', 'pleasant-high'],
  ['confident', 'Confident', 'pleasant-high'],
  ['curious', 'Curious', 'pleasant-high'],
  ['hopeful', 'Hopeful', 'pleasant-high'],
  ['motivated', 'Motivated', 'pleasant-high'],
  ['calm', 'Calm', 'pleasant-low'],
  ['content', 'Content', 'pleasant-low'],
  ['relieved', 'Relieved', 'pleasant-low'],
  ['grateful', 'Grateful', 'pleasant-low'],
  ['relaxed', 'Relaxed', 'pleasant-low'],
  ['satisfied', 'Satisfied', 'pleasant-low'],
  ['balanced', 'Balanced', 'pleasant-low'],
  ['stressed', 'Stressed', 'unpleasant-high'],
  ['anxious', 'Anxious', 'unpleasant-high'],
  ['frustrated', 'Frustrated', 'unpleasant-high'],
  ['angry', 'Angry', 'unpleasant-high'],
  ['overwhelmed', 'Overwhelmed', 'unpleasant-high'],
  ['nervous', 'Nervous', 'unpleasant-high'],
  ['irritated', 'Irritated', 'unpleasant-high'],
  ['worried', 'Worried', 'unpleasant-high'],
  ['tired', 'Tired', 'unpleasant-low'],
  ['bored', 'Bored', 'unpleasant-low'],
  ['disappointed', 'Disappointed', 'unpleasant-low'],
  ['sad', 'Sad', 'unpleasant-low'],
  ['discouraged', 'Discouraged', 'unpleasant-low'],
  ['lonely', 'Lonely', 'unpleasant-low'],
  ['drained', 'Drained', 'unpleasant-low'],
].map(([key, name, group]) => ({ key: key!, name: name!, group: group as EmotionGroup }));

export const Emotion = z
  .object({ key: z.string(), name: z.string(), group: EmotionGroup })
  .openapi('Emotion');
export type Emotion = z.infer<typeof Emotion>;

const emotionKeys = new Set(emotions.map((e) => e.key));
export const EmotionKey = z.string().refine((k) => emotionKeys.has(k), 'is not an emotion of the list');

/** What a check-in is about: a theme of the current plan (by lineage), a project in a few words, or in general. */
export const CheckInAboutInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('general') }),
  z.object({ kind: z.literal('theme'), lineageId: z.string().uuid('is not a valid id') }),
  z.object({
    kind: z.literal('project'),
    text: text(80).min(1, 'is required (a project in a few words)'),
  }),
]);

export const CheckInInput = z
  .object({
    emotions: z
      .array(EmotionKey)
      .min(1, 'choose at least one emotion')
      .max(3, 'choose at most three emotions')
      .refine((list) => new Set(list).size === list.length, 'lists an emotion twice'),
    about: CheckInAboutInput.default({ kind: 'general' }),
    why: text(1000).default(''),
    private: z.boolean().default(false).describe('true: only the PM sees it'),
  })
  .strict()
  .openapi('CheckInInput');
export type CheckInInput = z.input<typeof CheckInInput>;
/** A check-in as validated (defaults filled in). */
export type CheckInData = z.output<typeof CheckInInput>;

export const CheckIn = z
  .object({
    id: z.string(),
    emotions: z.array(Emotion),
    about: z.object({
      kind: z.enum(['general', 'theme', 'project']),
      lineageId: z.string().nullable(),
      title: z.string().describe('The theme title when checked in, the project, or "In general"'),
    }),
    why: z.string(),
    private: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('CheckIn');
export type CheckIn = z.infer<typeof CheckIn>;

/** The check-in page in one read: the emotion list, the plan's current themes, recent check-ins. */
export const CheckInBoard = z
  .object({
    emotions: z.array(Emotion),
    groups: z.array(z.object({ key: EmotionGroup, name: z.string() })),
    themes: z.array(z.object({ lineageId: z.string(), title: z.string() })),
    checkIns: z.array(CheckIn).describe('The latest 20 the viewer may see, newest first'),
  })
  .openapi('CheckInBoard');
export type CheckInBoard = z.infer<typeof CheckInBoard>;

// ---------------------------------------------------------------- pulses

export const PulseInput = z
  .object({
    key: z.string().min(1, 'is required').max(64, 'is not an area or statement of your framework'),
    score: z.number().int('must be a whole number').min(1, 'must be 1 to 10').max(10, 'must be 1 to 10'),
    higher: text(300).default('').describe('What would make it one point higher?'),
  })
  .strict()
  .openapi('PulseInput');
export type PulseInput = z.input<typeof PulseInput>;

export const PulseTargetKind = z.enum(['area', 'statement']);

export const Pulse = z
  .object({
    id: z.string(),
    key: z.string(),
    kind: PulseTargetKind,
    name: z.string(),
    score: z.number().int(),
    higher: z.string(),
    createdAt: z.string(),
  })
  .openapi('Pulse');
export type Pulse = z.infer<typeof Pulse>;

/** The line that follows a pulse: what would make it one point higher. */
export const PulseAnswer = z
  .object({ higher: text(300) })
  .strict()
  .openapi('PulseAnswer');

/** The areas (and statements) a pulse can be about, with each one's small series of pulses. */
export const PulseBoard = z
  .object({
    framework: z.object({ versionId: z.string(), name: z.string() }),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        statements: z.array(z.object({ key: z.string(), text: z.string() })),
        pulses: z.array(Pulse).describe('The latest 12 on this area and its statements, oldest first'),
      }),
    ),
  })
  .openapi('PulseBoard');
export type PulseBoard = z.infer<typeof PulseBoard>;
