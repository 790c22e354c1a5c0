import type { ExampleAction } from '../../../../common/plans.js';

/**
 * Example actions per PMwheel area, keyed by the default framework's area keys
 * (frameworks/pmwheel.ts). Specific enough to paste into a plan as they are: books (with
 * authors), practice, stretch tasks and shadowing. A PM rewrites them in their own words.
 */
const act = (kind: ExampleAction['kind'], text: string, detail: string): ExampleAction => ({
  kind,
  text,
  detail,
});

export const areaExampleActions: Record<string, ExampleAction[]> = {
  'understand-the-problem': [
    act(
      'book',
      'Read “Continuous Discovery Habits” by Teresa Torres',
      'Then draw an opportunity solution tree for your current outcome and review it with your coach.',
    ),
    act(
      'book',
      'Read “The Mom Test” by Rob Fitzpatrick',
      'Rewrite your interview guide so it asks about past behaviour, not opinions about the future.',
    ),
    act(
      'practice',
      'Talk to at least two users every week for six weeks',
      'Keep a one-page log of what you heard and one insight per week; share it with the team.',
    ),
    act(
      'practice',
      'Write a one-page problem brief before the next feature starts',
      'Who has the problem, how often, what it costs them today, and how we will know it is solved.',
    ),
    act(
      'stretch',
      'Run a competitor teardown and present it to the team',
      'Sign up for two competing products, do the core job in each, and name three places where we differ.',
    ),
    act(
      'shadowing',
      'Sit in on five support or sales calls',
      'Note every problem a customer names in their own words; bring the top three to the next planning.',
    ),
  ],
  'find-solutions': [
    act(
      'book',
      'Read “Inspired” by Marty Cagan',
      'Pick one of its discovery techniques you have not used and try it on your current problem.',
    ),
    act(
      'book',
      'Read “Testing Business Ideas” by David J. Bland and Alexander Osterwalder',
      'Choose an experiment card that fits your riskiest assumption and run it.',
    ),
    act(
      'practice',
      'Generate three options with design and engineering before choosing one',
      'Hold a 45-minute session per problem; write down why the chosen option won.',
    ),
    act(
      'practice',
      'Name the riskiest assumption of the next feature and test it within two weeks',
      'A clickable prototype with five users, a fake door, or a concierge test: whatever is cheapest.',
    ),
    act(
      'stretch',
      'Facilitate a design sprint (after “Sprint” by Jake Knapp)',
      'Five days, a real decision-maker in the room, and a prototype tested with users on Friday.',
    ),
    act(
      'shadowing',
      'Pair with a designer through one usability test',
      'Watch how they phrase tasks and follow-up questions; run the next test yourself.',
    ),
  ],
  planning: [
    act(
      'book',
      'Read “Escaping the Build Trap” by Melissa Perri',
      'Rewrite your team’s goals for the next quarter as outcomes instead of features.',
    ),
    act(
      'book',
      'Read “Good Strategy Bad Strategy” by Richard Rumelt',
      'Write your product’s diagnosis, guiding policy and coherent actions on one page.',
    ),
    act(
      'practice',
      'Rewrite the roadmap so each item says which outcome it serves',
      'Drop or park every item that serves none; explain the order in one sentence each.',
    ),
    act(
      'practice',
      'Make one trade-off explicit in writing and get the stakeholders to agree',
      'State what we will not do, and why, before the quarter starts.',
    ),
    act(
      'stretch',
      'Present the quarterly plan to the leadership team',
      'Prepare with your coach: the why, the trade-offs, and what would change your mind.',
    ),
    act(
      'shadowing',
      'Join a senior PM’s quarterly planning and debrief afterwards',
      'Ask how they chose what to leave out and how they got agreement.',
    ),
  ],
  'get-it-done': [
    act(
      'book',
      'Read “User Story Mapping” by Jeff Patton',
      'Map the next release with the team and slice a first walking skeleton.',
    ),
    act(
      'book',
      'Read “Shape Up” by Ryan Singer',
      'Write your next pitch with an appetite, the rough solution and the rabbit holes named.',
    ),
    act(
      'practice',
      'Answer the team’s questions the same day for a month',
      'Block two short slots a day for it; note which questions better backlog items would have avoided.',
    ),
    act(
      'practice',
      'Cut the scope of one project to hit its date without losing the point',
      'Write down what was cut, why the core still works, and share it with stakeholders first.',
    ),
    act(
      'stretch',
      'Own a launch end to end: support, sales and documentation ready on the day',
      'Keep a launch checklist and run a short retrospective afterwards.',
    ),
    act(
      'shadowing',
      'Spend half a day with the engineers during a release',
      'See where work waits; pick one blocker you can remove for the next release.',
    ),
  ],
  'listen-and-learn': [
    act(
      'book',
      'Read “Lean Analytics” by Alistair Croll and Benjamin Yoskovitz',
      'Pick the one metric that matters for your product stage and put it on the team’s wall.',
    ),
    act(
      'book',
      'Read “Trustworthy Online Controlled Experiments” by Ron Kohavi, Diane Tang and Ya Xu',
      'Review your last A/B test against its pitfalls chapter.',
    ),
    act(
      'practice',
      'Define success metrics before the next feature is built',
      'Write the metric, the current baseline and the change you expect; check it four weeks after launch.',
    ),
    act(
      'practice',
      'Answer three product questions from the data yourself',
      'Write the queries or build the reports without waiting for an analyst; ask one to review them.',
    ),
    act(
      'stretch',
      'Propose removing or reworking a feature that did not work',
      'Bring the numbers and what users said; agree on a decision with the team.',
    ),
    act(
      'shadowing',
      'Pair with a data analyst for a day',
      'Learn where the data lives and how they check that a number is right.',
    ),
  ],
  team: [
    act(
      'book',
      'Read “Radical Candor” by Kim Scott',
      'Ask one teammate a week for feedback and give one piece of specific praise or criticism.',
    ),
    act(
      'book',
      'Read “Crucial Conversations” by Kerry Patterson, Joseph Grenny, Ron McMillan and Al Switzler',
      'Prepare your next difficult stakeholder conversation with its “start with heart” questions.',
    ),
    act(
      'book',
      'Read “Empowered” by Marty Cagan and Chris Jones',
      'Discuss with the team which decisions they want to own; agree on one change.',
    ),
    act(
      'practice',
      'Send stakeholders a short update every two weeks, bad news included',
      'Three lines: what changed, what is at risk, what you need from them.',
    ),
    act(
      'stretch',
      'Facilitate a disagreement to a decision everyone commits to',
      'Write the options and the decision rule beforehand; end with “disagree and commit” out loud.',
    ),
    act(
      'shadowing',
      'Shadow a sales or marketing colleague for a day',
      'Understand their targets and pressures; agree on one way to work better together.',
    ),
  ],
  'personal-growth': [
    act(
      'book',
      'Read “Thanks for the Feedback” by Douglas Stone and Sheila Heen',
      'Notice your triggers when receiving feedback and name them in your next 1:1.',
    ),
    act(
      'book',
      'Read “Mindset” by Carol S. Dweck',
      'Write down one skill you believe you “are not good at” and a small experiment to grow it.',
    ),
    act(
      'practice',
      'Ask three colleagues for one thing to start, stop and continue',
      'Share what you heard with your coach and pick one thing to act on this month.',
    ),
    act(
      'practice',
      'Write a 15-minute reflection every Friday',
      'What went well, what I would do differently, what I learned; review them monthly.',
    ),
    act(
      'practice',
      'Block two hours a week for learning the craft',
      'A book, a talk or a course; note one thing you will try at work.',
    ),
    act(
      'stretch',
      'Give a talk at a meetup or an internal demo day',
      'Pick something you learned this quarter; rehearse once with your coach.',
    ),
    act(
      'shadowing',
      'Shadow a PM you admire for a day',
      'Watch how they prepare, decide and follow up; write down two habits to try.',
    ),
  ],
  agile: [
    act(
      'book',
      'Read “Agile Retrospectives” by Esther Derby and Diana Larsen',
      'Run the next retrospective with a new format and follow one action to done.',
    ),
    act(
      'book',
      'Read “Scrum: The Art of Doing Twice the Work in Half the Time” by Jeff Sutherland',
      'Compare one practice from the book with how your team works today.',
    ),
    act(
      'practice',
      'Slice the next epic so every slice delivers value on its own',
      'Aim for slices of at most a few days; review the slicing with an engineer.',
    ),
    act(
      'practice',
      'Invite two real users or stakeholders to every sprint review for a quarter',
      'Collect their feedback on what was shown and act on one point each time.',
    ),
    act(
      'stretch',
      'Facilitate the team’s retrospectives for a quarter',
      'Make sure each one ends with one owned change, and check it at the next one.',
    ),
    act(
      'shadowing',
      'Visit another team’s planning and review',
      'Bring back one practice worth trying in your team.',
    ),
  ],
};

/** Example actions for a framework area, or none for an area the library does not know. */
export const exampleActionsForArea = (areaKey: string): ExampleAction[] => areaExampleActions[areaKey] ?? [];
