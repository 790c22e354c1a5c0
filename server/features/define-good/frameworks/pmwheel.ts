import type { FrameworkContent } from '../../../../common/wheel.js';

/**
 * The default framework every workspace starts with: the eight PMwheel areas, each with concrete
 * "is good at …" statements and what low, middle and high look like, plus traits described in
 * words. Keys are stable: copies keep them, so history survives renames.
 */
export const pmwheel: FrameworkContent = {
  name: 'PMwheel',
  description:
    'The eight areas of product management. Score each statement from 1 (rarely true of me today) to 10 (true of me, and others learn it from me).',
  scale: { min: 1, max: 10 },
  areas: [
    {
      key: 'understand-the-problem',
      name: 'Understand the problem',
      description:
        'Knowing the users, the market and the business problem well enough to explain why something is worth building.',
      low: 'Takes requests as given; can say what is being built but not which problem it solves or for whom.',
      middle:
        'Talks to users regularly and writes a clear problem statement for their own area; still surprised by some customer segments.',
      high: 'Reframes requests into problems, brings evidence from users and data, and others ask them what customers really need.',
      statements: [
        {
          key: 'understand-the-problem.1',
          text: 'Is good at talking to users every week and turning what they hear into written insights.',
        },
        {
          key: 'understand-the-problem.2',
          text: 'Is good at explaining who has the problem, how often, and what it costs them today.',
        },
        {
          key: 'understand-the-problem.3',
          text: 'Is good at knowing the market and competitors well enough to say where we differ.',
        },
        {
          key: 'understand-the-problem.4',
          text: 'Is good at linking a user problem to a business goal the leadership cares about.',
        },
      ],
    },
    {
      key: 'find-solutions',
      name: 'Find solutions',
      description:
        'Exploring several ways to solve a problem with design and engineering, and testing the riskiest assumptions cheaply.',
      low: 'Goes with the first idea, often their own or the loudest stakeholder’s; tests only by shipping.',
      middle: 'Compares a few options with the team and prototypes the bigger bets.',
      high: 'Runs discovery as a habit: many options, quick experiments, and the team owns the solution together.',
      statements: [
        {
          key: 'find-solutions.1',
          text: 'Is good at generating several options with design and engineering before picking one.',
        },
        {
          key: 'find-solutions.2',
          text: 'Is good at naming the riskiest assumption and testing it with a prototype or experiment.',
        },
        {
          key: 'find-solutions.3',
          text: 'Is good at saying no to solutions that do not serve the problem, kindly and with reasons.',
        },
        {
          key: 'find-solutions.4',
          text: 'Is good at bringing in the engineers’ ideas early, when they can still change the solution.',
        },
      ],
    },
    {
      key: 'planning',
      name: 'Planning',
      description:
        'Turning strategy into goals and a roadmap people understand, and keeping it honest as things change.',
      low: 'The roadmap is a list of features with dates; goals are set by others and rarely referred to.',
      middle:
        'Sets outcome goals (for example OKRs) for the team and keeps a roadmap that explains priorities.',
      high: 'Connects company strategy to the team’s goals, makes trade-offs visible and re-plans calmly when facts change.',
      statements: [
        {
          key: 'planning.1',
          text: 'Is good at writing outcome goals that say what will change for users or the business.',
        },
        {
          key: 'planning.2',
          text: 'Is good at keeping a roadmap that explains why things are in that order.',
        },
        {
          key: 'planning.3',
          text: 'Is good at making trade-offs explicit and getting stakeholders to agree to them.',
        },
        {
          key: 'planning.4',
          text: 'Is good at changing the plan when the evidence changes, and telling people why.',
        },
      ],
    },
    {
      key: 'get-it-done',
      name: 'Get it done',
      description:
        'Working with engineering and design to deliver: clear backlog items, unblocking the team, shipping.',
      low: 'Backlog items are vague, the team waits for answers, and releases slip without warning.',
      middle:
        'Writes clear stories with acceptance criteria, is available to the team and ships predictably.',
      high: 'The team rarely waits on them; scope is cut wisely to ship on time, and launches are well prepared.',
      statements: [
        {
          key: 'get-it-done.1',
          text: 'Is good at writing backlog items the team can start on without a meeting.',
        },
        {
          key: 'get-it-done.2',
          text: 'Is good at answering the team’s questions the same day and removing blockers.',
        },
        {
          key: 'get-it-done.3',
          text: 'Is good at cutting scope to hit a date without losing the point of the work.',
        },
        {
          key: 'get-it-done.4',
          text: 'Is good at preparing a launch: support, sales and documentation are ready on the day.',
        },
      ],
    },
    {
      key: 'listen-and-learn',
      name: 'Listen and learn',
      description:
        'Measuring what happened after release, with numbers and conversations, and iterating on it.',
      low: 'Moves on to the next feature after release; does not know whether the last one worked.',
      middle: 'Defines success metrics up front and checks them after release.',
      high: 'Combines data and user feedback to decide to iterate, double down or remove, and shares what was learnt.',
      statements: [
        {
          key: 'listen-and-learn.1',
          text: 'Is good at defining how success will be measured before building starts.',
        },
        {
          key: 'listen-and-learn.2',
          text: 'Is good at querying or reading product data without waiting for an analyst.',
        },
        {
          key: 'listen-and-learn.3',
          text: 'Is good at combining numbers with what users say to understand why.',
        },
        {
          key: 'listen-and-learn.4',
          text: 'Is good at iterating on or removing a feature that did not work.',
        },
      ],
    },
    {
      key: 'team',
      name: 'Team',
      description: 'Motivating the team, collaborating across functions and managing stakeholders.',
      low: 'Works around people rather than with them; stakeholders feel surprised and the team feels directed.',
      middle:
        'Has good working relationships with the team and the main stakeholders; shares context openly.',
      high: 'The team is motivated and owns the outcome; stakeholders trust them with bad news early.',
      statements: [
        { key: 'team.1', text: 'Is good at sharing context so the team understands why the work matters.' },
        {
          key: 'team.2',
          text: 'Is good at keeping stakeholders informed, including bad news, before they ask.',
        },
        {
          key: 'team.3',
          text: 'Is good at handling disagreement openly and reaching a decision people commit to.',
        },
        {
          key: 'team.4',
          text: 'Is good at giving credit to the team and taking responsibility when things go wrong.',
        },
        {
          key: 'team.5',
          text: 'Is good at working with sales, marketing and support as partners, not order takers.',
        },
      ],
    },
    {
      key: 'personal-growth',
      name: 'Personal growth',
      description: 'Learning on purpose: asking for feedback, reflecting and building new habits.',
      low: 'Learns only when something goes wrong; rarely asks for feedback.',
      middle: 'Asks for feedback after big moments and reads or listens to learn about the craft.',
      high: 'Has a learning habit, tries new approaches on purpose and helps others grow.',
      statements: [
        { key: 'personal-growth.1', text: 'Is good at asking for feedback and acting on it.' },
        {
          key: 'personal-growth.2',
          text: 'Is good at reflecting on what went well and what to change, regularly.',
        },
        {
          key: 'personal-growth.3',
          text: 'Is good at setting aside time every week to learn something about the craft.',
        },
        {
          key: 'personal-growth.4',
          text: 'Is good at trying something outside their comfort zone on purpose.',
        },
      ],
    },
    {
      key: 'agile',
      name: 'Agile',
      description: 'Understanding the values behind iterative delivery, not just the ceremonies.',
      low: 'Follows the ceremonies because they are there; big releases, little feedback in between.',
      middle: 'Works in small increments and uses reviews and retrospectives to improve.',
      high: 'Adapts the process to the team’s situation and explains the principles behind it.',
      statements: [
        { key: 'agile.1', text: 'Is good at slicing work into small increments that each deliver value.' },
        {
          key: 'agile.2',
          text: 'Is good at using reviews to get real feedback from users and stakeholders.',
        },
        {
          key: 'agile.3',
          text: 'Is good at improving how the team works through retrospectives that lead to change.',
        },
      ],
    },
  ],
  traits: [
    {
      key: 'curiosity',
      name: 'Curiosity',
      description:
        'Asks why until they understand; explores beyond their own area; enjoys being proven wrong by evidence.',
    },
    {
      key: 'empathy',
      name: 'Empathy',
      description:
        'Sees the situation through the eyes of users, engineers and stakeholders, and lets that change their decisions.',
    },
    {
      key: 'ownership',
      name: 'Ownership',
      description:
        'Treats the outcome as theirs: follows through without being chased and says so when they drop something.',
    },
    {
      key: 'courage',
      name: 'Courage',
      description:
        'Says the uncomfortable thing, in the room, with respect; challenges a plan that will not work.',
    },
    {
      key: 'resilience',
      name: 'Resilience',
      description: 'Recovers from setbacks and changes of plan, and keeps the team steady while doing so.',
    },
    {
      key: 'clarity',
      name: 'Clarity',
      description:
        'Writes and speaks simply; people leave a conversation with them knowing what was decided.',
    },
  ],
};
