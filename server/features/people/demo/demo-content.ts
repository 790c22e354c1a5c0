/** The people and words of the demo team: realistic enough that a newcomer recognises their own team. */

export const demoCoach = { name: 'Morgan Reyes', email: 'morgan.reyes@demo.wheelhouse.invalid' };

/** Four PMs, each with a shape: where they start (self vs coach), and a story. */
export const demoPms = [
  {
    name: 'Priya Natarajan',
    email: 'priya@demo.wheelhouse.invalid',
    base: 6,
    selfBias: { 'understand-the-problem': -2 },
    growth: 0.25,
    headline: 'Hear customers first-hand, not through sales',
  },
  {
    name: 'Jonas Berg',
    email: 'jonas@demo.wheelhouse.invalid',
    base: 5,
    selfBias: { 'get-it-done': 2.5, planning: 1 },
    growth: 0.2,
    headline: 'From shipping fast to shipping what matters',
    stuckTheme: 1,
  },
  {
    name: 'Amara Okafor',
    email: 'amara@demo.wheelhouse.invalid',
    base: 7,
    selfBias: {},
    growth: 0.15,
    dip: { area: 'team', round: 6 },
    headline: 'Lead through the reorganisation without losing the team',
  },
  {
    name: 'Lucas Ferreira',
    email: 'lucas@demo.wheelhouse.invalid',
    base: 4,
    selfBias: { agile: 1 },
    growth: 0.35,
    headline: 'Grow from feature delivery to product outcomes',
  },
] as const;

/** Notes a PM writes beside an area, by mood. */
export const selfNotes: Record<string, string[]> = {
  'understand-the-problem': [
    'Did six customer calls this quarter; the churn interviews changed my mind on onboarding.',
    'Still leaning on sales for what customers want. Want to hear it first-hand.',
  ],
  'find-solutions': [
    'We prototyped three options for bulk edit before choosing one.',
    'Went with my first idea again on search; should have involved design earlier.',
  ],
  planning: [
    'First time writing OKRs for the team; the key results were too output-y.',
    'Roadmap review with leadership went well, trade-offs were clear.',
  ],
  'get-it-done': [
    'Shipped the billing migration on time, scope cut kept it sane.',
    'Stories were vague in the last sprint; the team waited on me twice.',
  ],
  'listen-and-learn': [
    'Set up the activation dashboard myself, no analyst needed.',
    'Did not check the results of the export feature after launch.',
  ],
  team: [
    'Good rhythm with engineering. Sales still feels surprised by releases.',
    'Stakeholder updates every Friday now; fewer escalations.',
  ],
  'personal-growth': [
    'Reading Continuous Discovery Habits, one chapter a week.',
    'Asked my coach and two peers for feedback after the offsite.',
  ],
  agile: [
    'Retros lead to real changes now: we cut the estimation meeting.',
    'Still big-bang releases for the mobile app.',
  ],
};

export const dipNote =
  'Tough quarter: the launch date clash with the sales lead is eating my energy and I avoid our 1:1s.';

export const coachNotes: Record<string, string> = {
  'understand-the-problem': 'Brings real customer quotes to planning; underrates this.',
  'get-it-done': 'Delivery is solid, but the team waits on decisions more than you think.',
  team: 'Engineers trust you. Sales and support need earlier notice.',
  planning: 'Goals still read as a feature list; ask "what changes for the user?"',
};

export const nextBiggerChallenges = [
  'Lead the H2 strategy planning for the checkout area',
  'Own the pricing experiment end to end, including the board update',
  'Take over the partner API and its three enterprise customers',
  'Run discovery for the mobile onboarding rebuild with a new squad',
  'Present the product roadmap to the leadership team each quarter',
  'Mentor the new associate PM through their first release',
];

export const pmChallenges = [
  'Own a product area on my own',
  'Lead a cross-team initiative',
  'Speak at the all-hands about our discovery work',
];
