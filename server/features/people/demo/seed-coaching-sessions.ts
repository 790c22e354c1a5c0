import type { Rag } from '../../../../common/coaching-sessions.js';
import type { Db } from '../../../db/database.js';
import { newId } from '../../../util.js';
import { zonedToUtc } from '../../cadence/coaching-sessions/zoned-time.js';
import { seededRandom } from './random.js';
import { seal } from '../../../crypto/sealed-fields.js';

const DAY_MS = 24 * 3600 * 1000;
const TIME_ZONE = 'Europe/Berlin';

const themeSets = [
  [
    {
      title: 'Talk to users every week',
      actions: ['Run five interviews on onboarding', 'Share a weekly insight note'],
    },
    {
      title: 'Bring stakeholders along early',
      actions: ['Map the stakeholders of the pricing project', 'Pre-wire the roadmap review'],
    },
    {
      title: 'Tell the story behind the roadmap',
      actions: ['Rewrite the Q3 roadmap as outcomes', 'Present the strategy to the team'],
    },
  ],
  [
    {
      title: 'Plan with the team, not for it',
      actions: ['Run quarterly planning as a workshop', 'Ask for estimates before dates'],
    },
    {
      title: 'Say no with reasons',
      actions: ['Write the decision log for scope changes', 'Practise a hard no with my coach'],
    },
    {
      title: 'Measure what changes for users',
      actions: ['Define one success metric per epic', 'Review the metrics monthly'],
    },
  ],
];
const whys = {
  red: ['Stalled: no time this month', 'Slipped behind the launch', 'Not started yet'],
  amber: [
    'Some progress, still uneven',
    'Better, but sales still surprised',
    'Started; habits not there yet',
  ],
  green: ['Habit in place', 'Done and shared with the team', 'Working well, keep it going'],
};
const steps = [
  'Book two user calls before the next session',
  'Draft the one-pager and ask for feedback',
  'Pre-wire the decision with the sales lead',
  'Try the workshop format in the next planning',
  'Write down the metric and share it',
];
const notes = [
  'Talked through the launch; the story landed better this time.',
  'Most of the hour on stakeholders; agreed to pre-wire earlier.',
  'Good energy. Interviews are becoming a habit.',
  'A tough month; kept the plan small on purpose.',
];

/**
 * A demo PM's coaching sessions over the demo's span (issue 8): a plan of three themes (the demo
 * had none), a monthly coaching session held each month with the PM's red/amber/green per theme
 * (greener as the PM grows, the coach's view now and then beside it), a next step most months,
 * and the next one scheduled a week ahead. Its own seed, so the rounds' stay as they were.
 */
export async function seedCoachingSessions(
  db: Db,
  input: {
    pmId: string;
    coachId: string;
    from: number;
    to: number;
    seed: number;
    growth: number;
    /** Each demo PM's own story: what the plan is about, and a theme that stays stuck (amber or red). */
    headline: string;
    stuckTheme?: number;
  },
) {
  const random = seededRandom(input.seed);
  const { pmId, coachId } = input;
  const iso = (ms: number) => new Date(ms).toISOString();
  const set = themeSets[input.seed % themeSets.length]!;

  const existing = await db.selectFrom('plans').select('id').where('pm_id', '=', pmId).executeTakeFirst();
  if (existing) return;
  const planId = newId();
  const planStart = input.to - 150 * DAY_MS;
  await db
    .insertInto('plans')
    .values({
      id: planId,
      pm_id: pmId,
      number: 1,
      headline: input.headline,
      focus: '',
      period_start: iso(planStart).slice(0, 10),
      period_end: iso(planStart + 182 * DAY_MS).slice(0, 10),
      created_at: iso(input.from),
      updated_at: iso(input.to - 7 * DAY_MS),
      replaced_at: null,
    })
    .execute();
  const themes = set.map((t, position) => ({ id: newId(), title: t.title, position, actions: t.actions }));
  await db
    .insertInto('plan_themes')
    .values(
      themes.map((t) => ({
        id: t.id,
        plan_id: planId,
        lineage_id: t.id,
        position: t.position,
        title: t.title,
        why: '',
        origin: 'pm' as const,
        suggested_by: null,
        suggestion_id: null,
        adopted_at: null,
        created_at: iso(input.from),
        updated_at: iso(input.from),
      })),
    )
    .execute();
  await db
    .insertInto('plan_actions')
    .values(
      themes.flatMap((t) =>
        t.actions.map((text, position) => {
          const id = newId();
          const done = position === 0;
          return {
            id,
            plan_id: planId,
            theme_id: t.id,
            lineage_id: id,
            position,
            text,
            due_on: iso(input.to + (position === 0 ? -30 : 45) * DAY_MS).slice(0, 10),
            status: done ? ('done' as const) : ('in_progress' as const),
            evidence: done ? 'Shared in the team channel; two teams picked it up.' : '',
            done_at: done ? iso(input.to - 20 * DAY_MS) : null,
            origin: 'pm' as const,
            suggested_by: null,
            suggestion_id: null,
            adopted_at: null,
            created_at: iso(input.from),
            updated_at: iso(input.to - 20 * DAY_MS),
          };
        }),
      ),
    )
    .execute();

  const sessions = [];
  const colours = [];
  const nextSteps = [];
  const monthMs = 30.44 * DAY_MS;
  // Held each month, the last ten days ago (counted back, so the demo is on rhythm), the next a week ahead.
  const times: number[] = [];
  for (let at = input.to - 10 * DAY_MS; at >= input.from + 14 * DAY_MS; at -= monthMs) times.unshift(at);
  times.push(input.to + 7 * DAY_MS);
  const count = Math.max(1, times.length - 1);
  for (const [m, when] of times.entries()) {
    const upcoming = m === times.length - 1;
    const localStart = `${iso(when).slice(0, 10)}T10:00`;
    const startsAt = zonedToUtc(localStart, TIME_ZONE);
    const id = newId();
    const progress = m / count;
    const themeColours = themes.map((t, ti): { t: (typeof themes)[number]; colour: Rag } => {
      // Colours move: a slow rise with the PM's growth, a swing of a few months per theme (a red
      // month after a green run happens), and a stuck theme that never gets past amber.
      if (ti === input.stuckTheme) return { t, colour: random.next() < 0.3 ? 'red' : 'amber' };
      const swing = 0.22 * Math.sin(m / 2.5 + ti * 2.1);
      const score = 0.15 + progress * (0.8 + input.growth) + swing + random.noise() * 0.15 - ti * 0.05;
      return { t, colour: score > 0.75 ? 'green' : score > 0.3 ? 'amber' : 'red' };
    });
    const step = !upcoming && random.next() < 0.7 ? random.pick(steps) : null;
    const ended = iso(Date.parse(startsAt) + 60 * 60 * 1000);
    sessions.push({
      id,
      pm_id: pmId,
      coach_id: coachId,
      kind: 'monthly' as const,
      status: upcoming ? ('scheduled' as const) : ('held' as const),
      starts_at: startsAt,
      local_start: localStart,
      time_zone: TIME_ZONE,
      minutes: 60,
      created_by: coachId,
      created_at: iso(when - 21 * DAY_MS),
      updated_at: upcoming ? iso(when - 21 * DAY_MS) : ended,
      agenda_prepared_at: upcoming ? null : startsAt,
      action_statuses: upcoming ? null : '{}',
      started_at: upcoming ? null : startsAt,
      ended_at: upcoming ? null : ended,
      cancelled_at: null,
      shared_notes: upcoming ? '' : seal(db, 'coaching_sessions.shared_notes', random.pick(notes)),
      colours_set: upcoming ? null : themes.length,
      actions_moved: upcoming ? null : random.next() < 0.5 ? 1 : 0,
      next_steps: upcoming ? null : step ? 1 : 0,
      sequence: 0,
    });
    if (upcoming) continue;
    for (const { t, colour } of themeColours) {
      colours.push({
        id: newId(),
        session_id: id,
        lineage_id: t.id,
        theme_id: t.id,
        theme_title: t.title,
        side: 'pm' as const,
        colour,
        why: random.pick(whys[colour]),
        set_by: pmId,
        set_at: startsAt,
      });
      if (random.next() < 0.2) {
        const coachColour = colour === 'green' ? 'amber' : colour === 'red' ? 'amber' : 'green';
        colours.push({
          id: newId(),
          session_id: id,
          lineage_id: t.id,
          theme_id: t.id,
          theme_title: t.title,
          side: 'coach' as const,
          colour: coachColour as 'red' | 'amber' | 'green',
          why: random.pick(whys[coachColour]),
          set_by: coachId,
          set_at: startsAt,
        });
      }
    }
    if (step)
      nextSteps.push({
        id: newId(),
        session_id: id,
        author_id: pmId,
        side: 'pm' as const,
        position: 0,
        text: step,
        theme_title: random.pick(themes).title,
        action_id: null,
        suggestion_id: null,
        created_at: ended,
      });
  }
  for (let i = 0; i < sessions.length; i += 100)
    await db
      .insertInto('coaching_sessions')
      .values(sessions.slice(i, i + 100))
      .execute();
  for (let i = 0; i < colours.length; i += 100)
    await db
      .insertInto('session_theme_colours')
      .values(colours.slice(i, i + 100))
      .execute();
  if (nextSteps.length) await db.insertInto('session_next_steps').values(nextSteps).execute();
}
