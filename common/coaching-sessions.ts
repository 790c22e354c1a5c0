import { z } from '@hono/zod-openapi';
import { editVersions } from './edit-versions.js';
import { OneLine, Person } from './schemas.js';

/**
 * Coaching sessions (issue 8): a pair's scheduled conversation with a prepared agenda, a
 * red/amber/green per plan theme, notes and next steps. "Session" alone means a sign-in session
 * in this codebase; here it is always a coaching session.
 */

export const CoachingSessionKind = z.enum(['monthly', 'weekly']);
export type CoachingSessionKind = z.infer<typeof CoachingSessionKind>;

export const CoachingSessionStatus = z.enum(['scheduled', 'in_progress', 'held', 'cancelled']);
export type CoachingSessionStatus = z.infer<typeof CoachingSessionStatus>;

export const Repeat = z.enum(['monthly', 'weekly']);
export type Repeat = z.infer<typeof Repeat>;

export const Rag = z.enum(['red', 'amber', 'green']);
export type Rag = z.infer<typeof Rag>;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const TimeZone = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'is too long')
  .refine(isTimeZone, 'is not a time zone we know (try Europe/Berlin or America/New_York)');

/** A local date and time in the pair's time zone, e.g. 2026-12-03T14:30. */
export const LocalDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a date and time like 2026-12-03T14:30')
  .refine((s) => !Number.isNaN(Date.parse(`${s}:00Z`)), 'is not a real date');

const Minutes = z
  .number()
  .int('must be a whole number')
  .min(15, 'must be at least 15')
  .max(240, 'must be at most 240');

export const ScheduleCoachingSessionInput = z
  .object({
    kind: CoachingSessionKind.default('monthly'),
    startsAt: LocalDateTime,
    timeZone: TimeZone,
    minutes: Minutes.default(60),
    coachId: z.string().uuid('is not a valid id').optional().describe('For a PM with several coaches'),
    repeat: Repeat.nullable()
      .default(null)
      .describe(
        'monthly: on the same weekday of the month (the second Tuesday); weekly: on the same weekday',
      ),
  })
  .strict()
  .openapi('ScheduleCoachingSessionInput');
export type ScheduleCoachingSessionInput = z.input<typeof ScheduleCoachingSessionInput>;

/** One occurrence of a series, or it and every later one. */
export const SeriesScope = z.enum(['this', 'rest']);
export type SeriesScope = z.infer<typeof SeriesScope>;

export const RescheduleCoachingSessionInput = z
  .object({
    kind: CoachingSessionKind.optional(),
    startsAt: LocalDateTime.optional(),
    timeZone: TimeZone.optional(),
    minutes: Minutes.optional(),
    scope: SeriesScope.default('this').describe('For an occurrence of a series'),
  })
  .strict()
  .openapi('RescheduleCoachingSessionInput');
export type RescheduleCoachingSessionInput = z.input<typeof RescheduleCoachingSessionInput>;

export const CancelCoachingSessionInput = z
  .object({
    reason: OneLine(300).default('').describe('Optional; the other person reads it'),
    scope: SeriesScope.default('this').describe('For an occurrence of a series'),
  })
  .strict()
  .openapi('CancelCoachingSessionInput');
export type CancelCoachingSessionInput = z.input<typeof CancelCoachingSessionInput>;

const Line = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const AgendaItemInput = z
  .object({ text: OneLine(300).min(1, 'is required') })
  .strict()
  .openapi('AgendaItemInput');
export const AgendaItemPatch = z.object({ done: z.boolean() }).strict().openapi('AgendaItemPatch');
export const AgendaOrderInput = z
  .object({
    itemIds: z
      .array(z.string().uuid('must be agenda item ids'))
      .max(60, 'must be at most 60 items')
      .describe('Every item of the agenda once, in the new order'),
  })
  .strict()
  .openapi('AgendaOrderInput');
export const ThemeColourInput = z
  .object({ colour: Rag, why: OneLine(200).default('') })
  .strict()
  .openapi('ThemeColourInput');
export type ThemeColourInput = z.input<typeof ThemeColourInput>;
export const NotesInput = z
  .object({ body: Line(20000) })
  .strict()
  .openapi('CoachingSessionNotesInput');
/** The private note saves while typing, with the version check (decision 057). */
export const PrivateNoteInput = NotesInput.extend({ versions: editVersions(['body']) }).openapi(
  'CoachingSessionPrivateNoteInput',
);
export const NextStepInput = z
  .object({
    text: OneLine(300).min(1, 'is required'),
    themeId: z.string().uuid('choose a theme'),
    dueOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-31')
      .nullable()
      .default(null),
  })
  .strict()
  .openapi('NextStepInput');
export type NextStepInput = z.input<typeof NextStepInput>;

export const AgendaItemKind = z.enum([
  'theme',
  'action-due',
  'action-done',
  'dip',
  'gap',
  'suggestion',
  'next-step',
  'question',
  'own',
  'check-in',
  'pulse',
]);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

export const AgendaItem = z
  .object({
    id: z.string(),
    kind: AgendaItemKind,
    text: z.string(),
    detail: z.string().nullable(),
    /** null: prepared by Wheelhouse from the PM's context. */
    addedBy: z.object({ side: z.enum(['pm', 'coach']), name: z.string() }).nullable(),
    done: z.boolean(),
    carriedFrom: z
      .string()
      .nullable()
      .describe('Not covered last time: the day (YYYY-MM-DD) of the session it was first on'),
  })
  .openapi('AgendaItem');
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaOwnership = z
  .object({
    byPeople: z.number().int(),
    fromCoach: z.number().int(),
    manyFromCoach: z.boolean().describe('The coach added more than half of the items people added'),
  })
  .openapi('AgendaOwnership');
export type AgendaOwnership = z.infer<typeof AgendaOwnership>;

const ColourView = z.object({ colour: Rag, why: z.string() }).nullable();

export const ThemeColours = z
  .object({
    themeId: z.string(),
    lineageId: z.string(),
    title: z.string(),
    pm: ColourView.describe('THE colour: the PM’s'),
    coach: ColourView.describe('The coach’s own view, shown beside it'),
  })
  .openapi('ThemeColours');
export type ThemeColours = z.infer<typeof ThemeColours>;

export const NextStep = z
  .object({
    id: z.string(),
    text: z.string(),
    themeTitle: z.string(),
    side: z.enum(['pm', 'coach']),
    became: z.enum(['action', 'suggestion']),
    createdAt: z.string(),
  })
  .openapi('NextStep');
export type NextStep = z.infer<typeof NextStep>;

export const PitfallGuard = z
  .object({
    kind: z.enum(['big-bang-review', 'tactical-takeover']),
    title: z.string(),
    message: z.string(),
  })
  .openapi('PitfallGuard');
export type PitfallGuard = z.infer<typeof PitfallGuard>;

export const ColourCell = z.object({
  month: z.string().describe('YYYY-MM'),
  colour: Rag.nullable(),
  why: z.string().nullable(),
});
export const ColourHistory = z
  .object({
    months: z.array(z.string()).describe('YYYY-MM, oldest first'),
    themes: z.array(
      z.object({
        lineageId: z.string(),
        title: z.string(),
        current: z.boolean(),
        cells: z.array(ColourCell),
      }),
    ),
  })
  .openapi('ColourHistory');
export type ColourHistory = z.infer<typeof ColourHistory>;

export const MovedSummary = z
  .object({
    coloursSet: z.number().int(),
    actionsMoved: z.number().int(),
    nextSteps: z.number().int(),
  })
  .openapi('CoachingSessionMoved');
export type MovedSummary = z.infer<typeof MovedSummary>;

export const CoachingSessionInfo = z
  .object({
    id: z.string(),
    pm: Person,
    coach: Person,
    kind: CoachingSessionKind,
    status: CoachingSessionStatus,
    startsAt: z.string().describe('UTC instant'),
    localStart: z.string().describe('Date and time in the pair’s time zone'),
    timeZone: z.string(),
    minutes: z.number().int(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable().describe('Why it was cancelled, when the person said'),
    sequence: z
      .number()
      .int()
      .describe('The calendar SEQUENCE: grows when the time, length or status changes'),
    series: z
      .object({ id: z.string(), repeats: z.string().describe('"Every month on the second Tuesday"') })
      .nullable(),
    moved: MovedSummary.nullable().describe('What moved, once the coaching session ended'),
  })
  .openapi('CoachingSessionInfo');
export type CoachingSessionInfo = z.infer<typeof CoachingSessionInfo>;

export const CoachingSessionList = z
  .object({
    pm: Person,
    viewerSide: z.enum(['pm', 'coach']),
    coaches: z.array(Person).describe('The PM’s current coaches (a PM with several picks one)'),
    upcoming: z.array(CoachingSessionInfo),
    past: z.array(CoachingSessionInfo),
    guards: z.array(PitfallGuard),
    colourHistory: ColourHistory,
  })
  .openapi('CoachingSessionList');
export type CoachingSessionList = z.infer<typeof CoachingSessionList>;

export const SinceLastTime = z
  .object({
    last: z
      .object({ id: z.string(), kind: CoachingSessionKind, localStart: z.string() })
      .nullable()
      .describe('The pair’s last held session before this one; null for their first'),
    colours: z
      .array(z.object({ title: z.string(), colour: Rag }))
      .describe('The PM’s colour per theme, as last set'),
    actionsDone: z.array(z.object({ text: z.string(), doneAt: z.string() })),
    checkIns: z.array(
      z.object({ feelings: z.string().describe('"Tired, Stressed"'), about: z.string(), at: z.string() }),
    ),
    dips: z.array(z.object({ areaName: z.string(), drop: z.number(), roundTitle: z.string() })),
  })
  .openapi('SinceLastTime');
export type SinceLastTime = z.infer<typeof SinceLastTime>;

export const CoachingSession = CoachingSessionInfo.extend({
  viewerSide: z.enum(['pm', 'coach']),
  agenda: z.array(AgendaItem),
  ownership: AgendaOwnership,
  themes: z.array(ThemeColours),
  sharedNotes: z.string(),
  privateNote: z.string().describe('The viewer’s own private note: only its author ever sees it'),
  nextSteps: z.array(NextStep),
  guards: z.array(PitfallGuard),
  colourHistory: ColourHistory,
  sinceLastTime: SinceLastTime.describe(
    'What happened since the pair’s last session, as the viewer may see it',
  ),
}).openapi('CoachingSession');
export type CoachingSession = z.infer<typeof CoachingSession>;
