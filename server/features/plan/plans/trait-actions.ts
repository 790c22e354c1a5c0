import type { ExampleAction } from '../../../../common/plans.js';

/**
 * Example actions for the default framework's personality traits (frameworks/pmwheel.ts).
 * Traits are described, never scored, so these are ways to practise them, not targets.
 */
const act = (kind: ExampleAction['kind'], text: string, detail: string): ExampleAction => ({
  kind,
  text,
  detail,
});

export const traitExampleActions: Record<string, ExampleAction[]> = {
  curiosity: [
    act(
      'book',
      'Read “A More Beautiful Question” by Warren Berger',
      'Bring one “why” and one “what if” question to every planning meeting for a month.',
    ),
    act(
      'practice',
      'Ask “why” five times about one surprising number each week',
      'Write down where you ended up; share the most surprising one with the team.',
    ),
    act(
      'shadowing',
      'Spend a day with a team you know little about',
      'Come back with three questions about how their work affects your product.',
    ),
    act(
      'stretch',
      'Run a small experiment that could prove you wrong',
      'Write the result you expect first; share what you learned either way.',
    ),
  ],
  empathy: [
    act(
      'book',
      'Read “Nonviolent Communication” by Marshall B. Rosenberg',
      'Practise naming observations, feelings and needs in one difficult conversation.',
    ),
    act(
      'practice',
      'Before a big decision, write it from the view of a user, an engineer and a stakeholder',
      'Note what changes in your decision when you do.',
    ),
    act(
      'shadowing',
      'Watch three users use the product without helping them',
      'Write down every moment of hesitation or frustration you saw.',
    ),
    act(
      'practice',
      'Ask an engineer what makes their work harder, and fix one thing',
      'Follow up a month later to see whether it helped.',
    ),
  ],
  ownership: [
    act(
      'book',
      'Read “Extreme Ownership” by Jocko Willink and Leif Babin',
      'Pick one recent setback and write what you could have done differently.',
    ),
    act(
      'practice',
      'Keep a visible list of your commitments and close each one explicitly',
      'Say so early when you will drop or delay something.',
    ),
    act(
      'stretch',
      'Own an outcome metric for a quarter, not just a list of features',
      'Report on it every two weeks, good news or bad.',
    ),
  ],
  courage: [
    act(
      'book',
      'Read “Dare to Lead” by Brené Brown',
      'Choose one conversation you have been avoiding and have it this month.',
    ),
    act(
      'practice',
      'Say the uncomfortable thing in the room once a week',
      'With respect and a reason; note how it landed and what you would change.',
    ),
    act(
      'stretch',
      'Challenge a plan you believe will not work, with evidence',
      'Prepare the evidence and an alternative before you raise it.',
    ),
  ],
  resilience: [
    act(
      'practice',
      'After a setback, write what happened, what you control and your next step',
      'Share it with your coach at the next session.',
    ),
    act(
      'practice',
      'Protect one recovery habit during busy weeks',
      'Sleep, sport or a hard stop in the evening; notice how it changes your weeks.',
    ),
    act(
      'stretch',
      'Lead the team through a change of plan',
      'Explain the why, what stays the same, and what you need from them.',
    ),
  ],
  clarity: [
    act(
      'book',
      'Read “On Writing Well” by William Zinsser',
      'Rewrite your last product document at half the length.',
    ),
    act(
      'book',
      'Read “The Pyramid Principle” by Barbara Minto',
      'Start every update with the conclusion; check it with one reader.',
    ),
    act(
      'practice',
      'End every meeting you run by stating what was decided and who does what',
      'Send it as three lines within the hour.',
    ),
  ],
};
