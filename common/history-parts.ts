/**
 * The parts of a PM's history and their words, without zod: the web app imports these values
 * (a value import from common/history-grants.ts would put zod into the page's JavaScript).
 */
export const historyParts = [
  'wheel',
  'plan-history',
  'comments',
  'vision-history',
  'sessions',
  'check-ins',
  'nudges',
] as const;
export type HistoryPart = (typeof historyParts)[number];

/** What the coach will see of each part, in the words the PM reads before granting. */
export const historyPartWords: Record<HistoryPart, { name: string; sees: string }> = {
  wheel: { name: 'Wheel', sees: 'Your earlier assessment rounds: revealed wheels, dips and history.' },
  'plan-history': {
    name: 'Plan history',
    sees: 'Earlier versions of your plan and the actions you finished before.',
  },
  comments: {
    name: 'Comments & suggestions',
    sees: 'Comments and suggestions made on your plan before, by you and earlier coaches.',
  },
  'vision-history': {
    name: 'Vision history',
    sees: 'Earlier proposals for your shared vision, and who made them.',
  },
  sessions: {
    name: 'Coaching sessions',
    sees: 'Earlier coaching sessions: agendas, shared notes, colours and next steps (never private notes).',
  },
  'check-ins': { name: 'Check-ins & pulses', sees: 'The check-ins you shared and your pulses from before.' },
  nudges: { name: 'Nudges', sees: 'Nudges sent to you before.' },
};
