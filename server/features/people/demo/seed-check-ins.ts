import { emotions } from '../../../../common/check-ins.js';
import type { Db } from '../../../db/database.js';
import { newId } from '../../../util.js';
import type { LoadedVersion } from '../../define-good/frameworks/framework-versions.js';
import { seededRandom } from './random.js';
import { seal } from '../../../crypto/sealed-fields.js';

const DAY_MS = 24 * 3600 * 1000;

const projects = ['Pricing page', 'Onboarding revamp', 'Search relaunch', 'Mobile checkout', 'Partner API'];
const whys = {
  pleasant: [
    'The interviews this week finally made the problem clear.',
    'We shipped on time and the team celebrated.',
    'My manager backed the decision in front of the leadership team.',
    'A calm week: room to think about the roadmap.',
  ],
  unpleasant: [
    'Sales keeps adding scope after we agreed on it.',
    'Too many meetings; no time for discovery.',
    'The launch date clashes with the holiday freeze.',
    'I had to say no to a stakeholder and it did not go well.',
  ],
};
const highers = [
  'A clear decision on the scope',
  'An uninterrupted morning',
  'Feedback from my coach on the draft',
  'Fewer status meetings',
  '',
  '',
];

/**
 * Emotion check-ins and pulses over the demo's span (issue 8): a check-in about every ten days
 * (one in six private), a pulse on a rotating area about weekly, in a mood that slowly improves
 * with the PM's growth and wobbles with the seeded noise. Its own seed, so the rounds' stay as they were.
 */
export async function seedCheckIns(
  db: Db,
  input: { pmId: string; version: LoadedVersion; from: number; to: number; seed: number; growth: number },
) {
  const random = seededRandom(input.seed);
  const areas = input.version.content.areas;
  const checkIns = [];
  const pulses = [];
  for (let at = input.from + DAY_MS, n = 0; at < input.to; at += (7 + random.next() * 7) * DAY_MS, n++) {
    const progress = (at - input.from) / Math.max(1, input.to - input.from);
    const mood = 0.35 + progress * input.growth + random.noise() * 0.35;
    const pleasant = random.next() < mood;
    const energy = random.next() < 0.5 ? 'high' : 'low';
    const group = `${pleasant ? 'pleasant' : 'unpleasant'}-${energy}`;
    const pool = emotions.filter((e) => e.group === group);
    const picked = [
      ...new Set([random.pick(pool).key, ...(random.next() < 0.3 ? [random.pick(pool).key] : [])]),
    ];
    const project = random.next() < 0.6 ? random.pick(projects) : null;
    const iso = new Date(at + Math.floor(random.next() * 10 * 3600 * 1000)).toISOString();
    if (n % 3 !== 2)
      checkIns.push({
        id: newId(),
        pm_id: input.pmId,
        emotions: picked.join(','),
        about_kind: project ? 'project' : 'general',
        about_lineage_id: null,
        about_title: project ?? 'In general',
        why: seal(
          db,
          'check_ins.why',
          random.next() < 0.8 ? random.pick(whys[pleasant ? 'pleasant' : 'unpleasant']) : '',
        ),
        is_private: random.next() < 1 / 6 ? 1 : 0,
        created_at: iso,
      });
    const area = areas[n % areas.length]!;
    const score = Math.max(
      1,
      Math.min(10, Math.round(4 + progress * 3 * input.growth * 4 + random.noise() * 1.5)),
    );
    pulses.push({
      id: newId(),
      pm_id: input.pmId,
      framework_version_id: input.version.id,
      target_kind: 'area',
      target_key: area.key,
      area_key: area.key,
      target_name: area.name,
      score,
      higher: score < 10 ? random.pick(highers) : '',
      created_at: new Date(Date.parse(iso) + 2 * DAY_MS).toISOString(),
    });
  }
  // 9 columns × 100 rows stays under both engines' parameter limits.
  for (let i = 0; i < checkIns.length; i += 100)
    await db
      .insertInto('check_ins')
      .values(checkIns.slice(i, i + 100))
      .execute();
  for (let i = 0; i < pulses.length; i += 100)
    await db
      .insertInto('pulses')
      .values(pulses.slice(i, i + 100))
      .execute();
}
