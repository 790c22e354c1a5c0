import type { Situation } from '../../../../common/questions.js';

/**
 * The built-in coaching questions (issue 8, decision 031). Content in code, like pmwheel.ts: ids
 * are stable (a question asked is remembered by its id), so reword a question freely but never
 * reuse an id for a different one. `areas` holds PMwheel area and trait keys; a question without
 * areas is generic and serves any framework (a renamed or added area still gets questions).
 * A text may hold placeholders (template.ts) filled in with the PM's own words when suggested;
 * `shown` is what the bank shows when that differs (the seed's own wording).
 */
export interface BuiltinQuestion {
  id: string;
  text: string;
  shown?: string;
  areas: string[];
  situations: Situation[];
}

const q = (id: string, text: string, areas: string[], situations: Situation[], shown?: string) =>
  shown === undefined ? { id, text, areas, situations } : { id, text, areas, situations, shown };

export const builtinQuestions: readonly BuiltinQuestion[] = [
  // ------------------------------------------------------------ the seed's questions, word for word
  q(
    'seed-successful',
    'What would make you more successful in the role you currently have?',
    [],
    ['no-agenda', 'career', 'motivation'],
  ),
  q(
    'seed-scale',
    'On a scale of {scale}, how do you feel about {area}? You said {score} last time; what would it take to make that a {score+1}?',
    [],
    ['no-agenda', 'after-dip', 'confidence'],
    'On a scale of 1–10, how do you feel about [Skill X]? What would it take to make that a [Skill X + 1]?',
  ),
  q(
    'seed-one-thing',
    'What is the one thing I could do to improve your situation this week?',
    [],
    ['no-agenda', 'stuck', 'motivation'],
  ),
  q(
    'seed-emotions',
    'Looking at this list of 30 emotions, which one describes your current state regarding this project, and why?',
    ['empathy'],
    ['no-agenda', 'motivation', 'after-dip'],
  ),
  q(
    'seed-bad-news-sales',
    "What would make you more comfortable sharing 'bad news' with the Sales team?",
    ['listen-and-learn', 'courage'],
    ['bad-news', 'stakeholders'],
  ),

  // ------------------------------------------------------------ templated: the PM's own words
  q(
    't-area-seven',
    'How do you feel about {area} today? What would make it a {score+1}?',
    [],
    ['after-dip', 'confidence'],
  ),
  q(
    't-area-dip',
    'You rated {area} lower this round than before. What changed, and what would help most right now?',
    [],
    ['after-dip'],
  ),
  q(
    't-area-good-looks',
    'If {area} were a {score+1} a month from now, what would you be doing differently on a normal Tuesday?',
    [],
    ['stuck', 'confidence'],
  ),
  q(
    't-area-gap',
    'Your coach sees {area} differently from you. What do you think they are noticing, and what are they missing?',
    [],
    ['confidence', 'after-dip'],
  ),
  q(
    't-area-someone',
    'Who around you is strong at {area}, and what could you borrow from how they work?',
    [],
    ['stuck', 'career'],
  ),
  q(
    't-challenge-ready',
    'Your next bigger challenge is {challenge}. What is one thing you could start this month that would show you are ready for it?',
    ['personal-growth'],
    ['career', 'motivation'],
  ),
  q(
    't-challenge-gap',
    'Thinking about {challenge}: which part of it scares you a little, and what would make it less scary?',
    ['courage', 'personal-growth'],
    ['career', 'confidence'],
  ),
  q(
    't-challenge-skill',
    'Which skill would {challenge} ask the most of you, and where could you practise it now, at a smaller size?',
    ['personal-growth'],
    ['career'],
  ),
  q(
    't-theme-red',
    'What is getting in the way of “{theme}”, and what is the smallest step that would move it?',
    [],
    ['stuck', 'after-dip'],
  ),
  q(
    't-theme-help',
    'If “{theme}” went really well this quarter, what would be different, and who would notice first?',
    [],
    ['motivation', 'no-agenda'],
  ),
  q('t-theme-me', 'What could I do, or stop doing, to help you with “{theme}”?', [], ['stuck', 'no-agenda']),

  // ------------------------------------------------------------ no agenda prepared
  q('na-on-mind', 'What has been on your mind most since we last talked?', [], ['no-agenda']),
  q(
    'na-energy',
    'Where did your energy go this month, and where would you have liked it to go?',
    ['personal-growth'],
    ['no-agenda', 'motivation'],
  ),
  q(
    'na-proud',
    'What are you proudest of since our last session, even if nobody else noticed?',
    [],
    ['no-agenda', 'after-win'],
  ),
  q('na-avoiding', 'What are you avoiding at the moment?', ['courage'], ['no-agenda', 'stuck']),
  q('na-best-use', 'What would make this the most useful hour of your week?', [], ['no-agenda']),

  // ------------------------------------------------------------ understand the problem
  q(
    'utp-last-user',
    'When did you last talk to a user, and what surprised you?',
    ['understand-the-problem', 'curiosity'],
    ['no-agenda', 'stuck'],
  ),
  q(
    'utp-who-hurts',
    'Who has this problem most painfully, and how do you know?',
    ['understand-the-problem'],
    ['stakeholders', 'stuck'],
  ),
  q(
    'utp-evidence',
    'What evidence would change your mind about the problem you are solving right now?',
    ['understand-the-problem', 'curiosity'],
    ['stuck'],
  ),
  q(
    'utp-business',
    'How would you explain to the CEO, in two sentences, why this problem matters to the business?',
    ['understand-the-problem', 'clarity'],
    ['stakeholders'],
  ),
  q(
    'utp-request',
    'Think of the last feature request you received: what problem was behind it, and did you ask?',
    ['understand-the-problem'],
    ['stakeholders', 'stuck'],
  ),
  q(
    'utp-blind-spot',
    'Which customer segment do you understand least, and what would it take to change that?',
    ['understand-the-problem', 'curiosity'],
    ['after-dip'],
  ),

  // ------------------------------------------------------------ find solutions
  q(
    'fs-options',
    'How many different ways of solving this did you and the team look at before choosing?',
    ['find-solutions'],
    ['stuck'],
  ),
  q(
    'fs-riskiest',
    'What is the riskiest assumption in what you are building now, and how cheaply could you test it?',
    ['find-solutions', 'courage'],
    ['stuck', 'no-agenda'],
  ),
  q(
    'fs-engineers',
    'When did the engineers last change your mind about a solution, and how did that feel?',
    ['find-solutions', 'team'],
    ['after-win'],
  ),
  q(
    'fs-say-no',
    'Which idea do you need to say no to, and what makes that hard?',
    ['find-solutions', 'courage'],
    ['stakeholders', 'bad-news'],
  ),
  q(
    'fs-first-idea',
    'If your first idea were not allowed, what would you try instead?',
    ['find-solutions', 'curiosity'],
    ['stuck'],
  ),
  q(
    'fs-learned-wrong',
    'What is the last experiment that proved you wrong, and what did you do with it?',
    ['find-solutions', 'resilience'],
    ['after-dip'],
  ),

  // ------------------------------------------------------------ planning
  q(
    'pl-outcome',
    'If the roadmap disappeared tomorrow, which outcome would you fight to keep, and why that one?',
    ['planning', 'clarity'],
    ['no-agenda', 'stakeholders'],
  ),
  q(
    'pl-tradeoff',
    'What did you decide not to do this quarter, and who knows that you decided it?',
    ['planning', 'clarity'],
    ['stakeholders', 'bad-news'],
  ),
  q(
    'pl-strategy-link',
    'How does what your team is doing this month connect to the company’s strategy, in your own words?',
    ['planning', 'understand-the-problem'],
    ['career'],
  ),
  q(
    'pl-replan',
    'When the facts last changed, how did you change the plan, and how did people take it?',
    ['planning', 'resilience'],
    ['bad-news', 'after-dip'],
  ),
  q(
    'pl-goal-check',
    'Which of your goals would you still set today, knowing what you know now?',
    ['planning'],
    ['stuck', 'after-dip'],
  ),
  q(
    'pl-too-much',
    'If you could only finish two things this quarter, which two, and what happens to the rest?',
    ['planning', 'clarity'],
    ['stuck', 'motivation'],
  ),

  // ------------------------------------------------------------ get it done
  q(
    'gid-blocker',
    'What is slowing the team down most right now, and what part of it is yours to remove?',
    ['get-it-done', 'ownership'],
    ['stuck'],
  ),
  q(
    'gid-shipped',
    'What did you ship recently that you are glad about, and what made it go well?',
    ['get-it-done'],
    ['after-win'],
  ),
  q(
    'gid-promise',
    'Which promise to a stakeholder are you least sure you can keep, and when will you tell them?',
    ['get-it-done', 'courage'],
    ['bad-news', 'stakeholders'],
  ),
  q(
    'gid-done',
    'How does your team know when something is really done, and do you all agree?',
    ['get-it-done', 'clarity'],
    ['no-agenda'],
  ),
  q(
    'gid-unblock-self',
    'Which decision have you been waiting on someone else for, and could you make it yourself?',
    ['get-it-done', 'ownership'],
    ['stuck'],
  ),
  q(
    'gid-after-launch',
    'After the last launch, how did you find out whether it worked?',
    ['get-it-done', 'understand-the-problem'],
    ['after-win'],
  ),

  // ------------------------------------------------------------ listen and learn
  q(
    'll-feedback',
    'What is the most useful piece of feedback you received this month, and what did you do with it?',
    ['listen-and-learn'],
    ['no-agenda', 'after-dip'],
  ),
  q(
    'll-out-of-loop',
    'Which stakeholder would say they feel out of the loop, and what would keep them in it without a meeting?',
    ['listen-and-learn', 'empathy'],
    ['stakeholders'],
  ),
  q(
    'll-hard-listen',
    'Whose opinion do you find hardest to listen to, and what might they be right about?',
    ['listen-and-learn', 'empathy'],
    ['stakeholders', 'stuck'],
  ),
  q(
    'll-ask-feedback',
    'Who could you ask for feedback this week that you have never asked before?',
    ['listen-and-learn', 'courage'],
    ['confidence', 'career'],
  ),
  q(
    'll-sales-support',
    'What do Sales and Support hear from customers that never reaches you, and how could it?',
    ['listen-and-learn', 'understand-the-problem'],
    ['stakeholders'],
  ),
  q(
    'll-changed-mind',
    'When did you last change your mind because of something someone told you?',
    ['listen-and-learn', 'curiosity'],
    ['no-agenda'],
  ),

  // ------------------------------------------------------------ team
  q(
    'tm-own-solution',
    'How much does your team feel the solution is theirs, and what makes you think so?',
    ['team', 'find-solutions'],
    ['motivation'],
  ),
  q(
    'tm-conflict',
    'What disagreement in the team is nobody saying out loud, and what would it take to say it?',
    ['team', 'courage'],
    ['stuck', 'bad-news'],
  ),
  q(
    'tm-energy',
    'What gives your team energy at the moment, and what drains it?',
    ['team', 'empathy'],
    ['motivation', 'after-dip'],
  ),
  q(
    'tm-designer',
    'How would your designer describe working with you, and would you like them to say something different?',
    ['team', 'empathy'],
    ['confidence'],
  ),
  q(
    'tm-celebrate',
    'How did the team celebrate the last thing that went well, and did you give the credit away?',
    ['team'],
    ['after-win'],
  ),
  q(
    'tm-trust',
    'Where do you trust your team to decide without you, and where not yet? What would change that?',
    ['team', 'ownership'],
    ['stuck', 'career'],
  ),

  // ------------------------------------------------------------ personal growth
  q(
    'pg-next-year',
    'A year from now, what would you like to be known for as a product manager?',
    ['personal-growth'],
    ['career', 'motivation'],
  ),
  q(
    'pg-stretch',
    'What is a piece of work just outside your comfort zone that you could take on next?',
    ['personal-growth', 'courage'],
    ['career', 'after-win'],
  ),
  q(
    'pg-learning',
    'What are you learning at the moment, and how will you know it is working?',
    ['personal-growth', 'curiosity'],
    ['no-agenda'],
  ),
  q(
    'pg-role-model',
    'Whose career would you like to have in five years, and what did they do that you have not yet?',
    ['personal-growth'],
    ['career'],
  ),
  q(
    'pg-stop',
    'What should you stop doing to make room for growing?',
    ['personal-growth', 'clarity'],
    ['stuck', 'motivation'],
  ),
  q(
    'pg-support',
    'What support from me would make the biggest difference to your growth this quarter?',
    ['personal-growth'],
    ['career', 'no-agenda'],
  ),

  // ------------------------------------------------------------ agile
  q(
    'ag-retro',
    'What came out of your team’s last retrospective, and did anything actually change?',
    ['agile', 'listen-and-learn'],
    ['no-agenda'],
  ),
  q(
    'ag-small',
    'How could you cut the next piece of work in half and still learn something real?',
    ['agile', 'find-solutions'],
    ['stuck'],
  ),
  q(
    'ag-ritual',
    'Which team ritual feels like a habit nobody would miss, and what would you replace it with?',
    ['agile', 'team'],
    ['stuck', 'motivation'],
  ),
  q(
    'ag-feedback-loop',
    'How long does it take from an idea to real feedback from users, and what is the slowest step?',
    ['agile', 'get-it-done'],
    ['stuck'],
  ),
  q(
    'ag-change',
    'When priorities changed mid-sprint last time, how did you handle it with the team?',
    ['agile', 'resilience'],
    ['after-dip', 'stakeholders'],
  ),

  // ------------------------------------------------------------ traits
  q(
    'tr-curiosity-question',
    'What question about your product do you wish you had the answer to?',
    ['curiosity'],
    ['no-agenda', 'stuck'],
  ),
  q(
    'tr-curiosity-outside',
    'What have you learned from outside product management lately that changed how you work?',
    ['curiosity', 'personal-growth'],
    ['motivation'],
  ),
  q(
    'tr-empathy-stakeholder',
    'What is keeping your most difficult stakeholder up at night?',
    ['empathy', 'understand-the-problem'],
    ['stakeholders'],
  ),
  q(
    'tr-empathy-team',
    'Who in your team might be struggling right now, and how would you know?',
    ['empathy', 'team'],
    ['no-agenda'],
  ),
  q(
    'tr-ownership-outcome',
    'Which result are you fully responsible for, whatever happens, and does everyone know it?',
    ['ownership', 'clarity'],
    ['career', 'stakeholders'],
  ),
  q(
    'tr-ownership-mistake',
    'What is a mistake you made recently, and what did you do next?',
    ['ownership', 'resilience'],
    ['after-dip', 'bad-news'],
  ),
  q(
    'tr-courage-conversation',
    'Which conversation have you been postponing, and what is the first sentence you would say?',
    ['courage'],
    ['bad-news', 'stakeholders', 'stuck'],
  ),
  q(
    'tr-courage-rehearse',
    'Shall we rehearse that difficult conversation now, with me playing the other person?',
    ['courage', 'listen-and-learn'],
    ['bad-news', 'stakeholders'],
  ),
  q(
    'tr-courage-risk',
    'What would you do differently if you were sure you would not be blamed for trying?',
    ['courage', 'ownership'],
    ['confidence', 'stuck'],
  ),
  q(
    'tr-resilience-setback',
    'What helped you get through the last setback, and is it still there for you?',
    ['resilience'],
    ['after-dip', 'motivation'],
  ),
  q(
    'tr-resilience-control',
    'Of everything that worries you right now, which part is in your control?',
    ['resilience', 'clarity'],
    ['stuck', 'bad-news'],
  ),
  q(
    'tr-resilience-recharge',
    'What do you do to recharge, and have you had enough of it lately?',
    ['resilience'],
    ['motivation', 'after-dip'],
  ),
  q(
    'tr-clarity-one-sentence',
    'What is your team’s goal for this quarter, in one sentence that everyone in the team would recognise?',
    ['clarity', 'planning'],
    ['no-agenda'],
  ),
  q(
    'tr-clarity-decision',
    'What decision is still unclear to the people around you, and what would make it clear?',
    ['clarity', 'get-it-done'],
    ['stakeholders', 'stuck'],
  ),

  // ------------------------------------------------------------ stakeholders and bad news
  q(
    'st-update',
    'What would a weekly update to your stakeholders need to say for them to stop asking for meetings?',
    ['listen-and-learn', 'clarity'],
    ['stakeholders'],
  ),
  q(
    'st-map',
    'Whose support do you need most for the next quarter, and how strong is that relationship today?',
    ['listen-and-learn', 'planning'],
    ['stakeholders', 'career'],
  ),
  q(
    'st-disagree',
    'When you disagree with a senior stakeholder, what do you usually do, and how would you like to respond?',
    ['courage', 'listen-and-learn'],
    ['stakeholders', 'confidence'],
  ),
  q(
    'bn-early',
    'What bad news are you sitting on, and what would it cost to share it a week earlier?',
    ['courage', 'ownership'],
    ['bad-news'],
  ),
  q(
    'bn-how',
    'How would you like to be told bad news, and how could you tell it that way yourself?',
    ['empathy', 'courage'],
    ['bad-news'],
  ),
  q(
    'bn-what-next',
    'When you share this news, what will you offer alongside it: options, a plan, or a question?',
    ['clarity', 'ownership'],
    ['bad-news', 'stakeholders'],
  ),

  // ------------------------------------------------------------ motivation and confidence
  q(
    'mo-best-day',
    'Think of your best day at work recently: what were you doing?',
    [],
    ['motivation', 'after-win'],
  ),
  q(
    'mo-drain',
    'What part of your job would you hand to someone else tomorrow if you could, and why?',
    [],
    ['motivation', 'career'],
  ),
  q(
    'mo-meaning',
    'What about your product still makes you care, and when did you last feel it?',
    ['understand-the-problem'],
    ['motivation'],
  ),
  q(
    'cf-evidence',
    'What evidence do you have that you are better at this than you feel right now?',
    [],
    ['confidence', 'after-dip'],
  ),
  q(
    'cf-friend',
    'If a PM you mentor described your situation to you, what would you tell them?',
    ['resilience'],
    ['confidence', 'stuck'],
  ),
  q(
    'cf-room',
    'In which meetings do you hold back, and what would you say if you did not?',
    ['courage'],
    ['confidence', 'stakeholders'],
  ),

  // ------------------------------------------------------------ career
  q(
    'ca-direction',
    'Do you see yourself leading more people, more product, or going deeper as a specialist, and what pulls you there?',
    ['personal-growth'],
    ['career'],
  ),
  q(
    'ca-ready',
    'What would I need to see to be sure you are ready for the next step, and what would you need to see?',
    ['personal-growth', 'clarity'],
    ['career', 'confidence'],
  ),
  q(
    'ca-visibility',
    'Who outside your team knows the work you are doing, and who should?',
    ['personal-growth', 'listen-and-learn'],
    ['career', 'after-win'],
  ),

  // ------------------------------------------------------------ after a dip, after a win
  q(
    'dip-what-happened',
    'What happened since the last round that might explain the lower score?',
    [],
    ['after-dip'],
  ),
  q(
    'dip-fair',
    'Is that lower score fair to yourself, or is it a hard week talking?',
    ['resilience'],
    ['after-dip', 'confidence'],
  ),
  q(
    'dip-support',
    'What would help you most right now: a plan, a sounding board, or some room?',
    ['empathy'],
    ['after-dip', 'stuck'],
  ),
  q(
    'win-repeat',
    'What did you do that made this work, and how could you do it again on purpose?',
    [],
    ['after-win'],
  ),
  q(
    'win-share',
    'Who helped make this happen, and have they heard it from you?',
    ['team', 'empathy'],
    ['after-win'],
  ),
  q(
    'win-next',
    'Now that this has worked, what is the next bigger thing you would like to try?',
    ['personal-growth', 'courage'],
    ['after-win', 'career'],
  ),
  q(
    'stuck-advice',
    'If you had to give advice to someone in exactly your situation, what would it be?',
    [],
    ['stuck'],
  ),
  q(
    'stuck-small',
    'What is the smallest step you could take before our next session?',
    ['get-it-done'],
    ['stuck'],
  ),
];

/** A built-in question by id. */
export const builtinQuestion = (id: string) => builtinQuestions.find((b) => b.id === id);
